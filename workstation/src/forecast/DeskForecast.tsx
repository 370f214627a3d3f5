/**
 * « Prochain consultant attendu vers 10 h 40 (~12 min) » and who is coming
 * to me, in the order the forecast expects (issue 17, item 4; the CCTP's
 * « délai d'attente avant sa prochaine prise en charge »).
 */
import { usePolled } from '@gfa/shared/ui';
import { api } from '../session.js';
import { useWorkstation } from '../store.js';
import { hourLabel, minutesUntil } from '../format.js';

const POLL_MS = 30_000;
const loadDeskForecast = () => api.call('deskForecast');
/** The next few are what a professional plans with; the queue lists show the rest. */
const SHOWN = 4;

export function DeskForecast() {
  const { desk, visits } = useWorkstation();
  // Read again when my queues change (a new consultant, a call), besides the poll.
  const forecast = usePolled(loadDeskForecast, POLL_MS, [desk]);
  if (!forecast) return null;
  const now = Math.max(forecast.at, Date.now());
  const next = forecast.nextConsultantAt;
  const coming = forecast.coming.slice(0, SHOWN).flatMap((c) => {
    const visit = visits[c.visitId];
    if (!visit) return [];
    const who = `${visit.identity.civility} ${visit.identity.lastName.toUpperCase()}`.trim();
    return [`${who}${c.expectedAt === null ? '' : ` (vers ${hourLabel(c.expectedAt)})`}`];
  });
  return (
    <div className="ws-desk-forecast" data-testid="desk-forecast">
      <p>
        {next === null ? (
          'Aucun consultant attendu pour le moment.'
        ) : (
          <>
            Prochain consultant attendu <strong>vers {hourLabel(next)}</strong> ({minutesUntil(next, now)})
          </>
        )}
      </p>
      {coming.length > 0 && <p className="ws-coming">À venir : {coming.join(', ')}</p>}
    </div>
  );
}
