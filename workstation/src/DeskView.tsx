/** "Mon poste": my presence, my queues, the consultant in progress, keyboard shortcuts. */
import { useEffect } from 'react';
import type { QueueEntryDto } from '@gfa/shared';
import { api, attempt } from './session.js';
import { labels, useWorkstation } from './store.js';
import { AwayButtons, VisitPanel, act } from './VisitPanel.js';
import { AfterCareNotice } from './AfterCareNotice.js';
import { clearAfterCare, showAfterCare } from './after-care.js';
import { GroupSessions } from './GroupSessions.js';
import { DeskForecast } from './forecast/DeskForecast.js';

const callNext = () => {
  clearAfterCare();
  return attempt(() => api.call('callNext'));
};

export function DeskView() {
  const { desk, visits, config } = useWorkstation();
  // A group session I run is handled by its own panel, never as one consultant (Q-GROUP-1).
  const inSession = desk?.groups?.some((g) => g.sessions.some((s) => s.mine)) ?? false;
  const current = desk?.currentVisitId && !inSession ? visits[desk.currentVisitId] : undefined;

  useEffect(() => {
    // Shortcuts for the frequent actions (ignored while typing in a field).
    const onKey = (event: KeyboardEvent) => {
      if ((event.target as HTMLElement).closest('input, textarea, select')) return;
      const key = event.key.toLowerCase();
      if (key === 'n' && !current && !inSession) void callNext();
      if (current && key === 'r' && current.state === 'called') void act(current, { type: 'recall' });
      if (current && key === 's' && current.state === 'called') void act(current, { type: 'start' });
      if (current && key === 'f' && current.state === 'in_care') {
        void act(current, { type: 'finish' }).then((done) => done && showAfterCare(done.visit));
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, inSession]);

  if (!desk || !config) return <p>Chargement du poste…</p>;
  const presence = desk.desk?.state ?? 'offline';
  return (
    <div className="ws-desk">
      <section className="ws-summary">
        <div className="ws-presence" role="group" aria-label="Ma présence">
          {(
            [
              ['available', 'Disponible'],
              ['paused', 'En pause'],
              ['offline', 'Absent'],
            ] as const
          ).map(([state, label]) => (
            <button
              key={state}
              type="button"
              aria-pressed={presence === state}
              className={`gfa-button ${presence === state ? '' : 'secondary'}`}
              onClick={() => {
                clearAfterCare();
                void attempt(() => api.call('presence', { body: { state } }));
              }}
            >
              {label}
            </button>
          ))}
        </div>
        <p>
          Parcours commencés aujourd’hui : <strong data-testid="begun">{desk.begunJourneys}</strong>
          {' · '}en cours : <strong data-testid="started">{desk.startedJourneys}</strong>
        </p>
        <p>
          Attente avant mon prochain consultant :{' '}
          <strong data-testid="next-wait">
            {desk.mine.length + desk.shared.length === 0
              ? 'personne en attente'
              : `${desk.expectedWaitMinutes} min`}
          </strong>
        </p>
        <DeskForecast />
        <button
          type="button"
          className="gfa-button ws-call-next"
          disabled={Boolean(current) || inSession}
          onClick={() => void callNext()}
          title="Raccourci : N"
        >
          Appeler le suivant
        </button>
      </section>
      {current ? <VisitPanel visit={current} config={config} /> : <AfterCareNotice config={config} />}
      <GroupSessions busy={Boolean(current) || inSession} />
      <QueueList title="Ma file d'attente" entries={desk.mine} busy={Boolean(current)} />
      <QueueList title="File de ma catégorie" entries={desk.shared} busy={Boolean(current)} />
    </div>
  );
}

function QueueList({
  title,
  entries,
  busy,
}: {
  readonly title: string;
  readonly entries: QueueEntryDto[];
  readonly busy: boolean;
}) {
  const { visits, config } = useWorkstation();
  const l = labels(config);
  return (
    <section className="ws-queue" aria-label={title}>
      <h2>
        {title} ({entries.length})
      </h2>
      {entries.length === 0 && <p className="ws-empty">Personne en attente.</p>}
      <ul>
        {entries.map((entry) => {
          const visit = visits[entry.visitId];
          if (!visit) return null;
          return (
            <li key={entry.stepId} className={entry.offeredToMe ? 'offered' : ''}>
              <span className="ws-queue-name">
                {visit.identity.civility} {visit.identity.lastName.toUpperCase()} {visit.identity.firstName}
              </span>
              <span>{l.reason(entry.reasonId)}</span>
              <span>{entry.waitedMinutes} min</span>
              <span>Priorité {entry.priorityClass}</span>
              {entry.offeredToMe && <strong>Pour vous</strong>}
              {entry.requeuedByMe && (
                <em title="Vous l’avez remis en file : il vous sera proposé après les autres">
                  Remis en file
                </em>
              )}
              <AwayButtons visit={visit} />
              <button
                type="button"
                className="gfa-button"
                disabled={busy}
                onClick={() => void act(visit, { type: 'call', stepId: entry.stepId })}
              >
                Appeler
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
