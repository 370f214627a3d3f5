/** The day's kiosk alerts: who was sent to reception, when, and what they typed. */
import { count, type ReceptionAlert } from '@gfa/shared';
import { birthDate, clock } from '../format.js';
import { useWorkstation } from '../store.js';

function typed(alert: ReceptionAlert): string {
  const { lastName, birthDate: born, reference } = alert.typed;
  if (reference) return `convocation « ${reference} »`;
  if (lastName) return `« ${lastName.toUpperCase()} », né(e) le ${birthDate(born)}`;
  return 'saisie inconnue';
}

/** Why the kiosk sent the person to reception. */
const REASON_TEXT: Record<ReceptionAlert['reason'], string> = {
  not_found: 'non reconnu(e) ou sans rendez-vous aujourd’hui',
  not_routable: 'parcours impossible à orienter',
  journey_over: 'parcours déjà terminé aujourd’hui',
};

export function KioskAlerts() {
  const { alerts, alertsSeen, dismissAlerts } = useWorkstation();
  if (alerts.length === 0) return null;
  const unseen = alerts.length - alertsSeen;
  return (
    <details className="ws-kiosk-alerts" open={unseen > 0}>
      <summary>
        <strong>
          {count(alerts.length, 'personne envoyée', 'personnes envoyées')} à l’accueil par la borne
        </strong>
        {unseen > 0 ? ` — ${count(unseen, 'nouvelle', 'nouvelles')}` : ''}
      </summary>
      <ul aria-label="Alertes de la borne">
        {[...alerts].reverse().map((a, i) => (
          <li key={a.id} className={alerts.length - 1 - i >= alertsSeen ? 'unseen' : undefined}>
            <time>{clock(a.at)}</time> {typed(a)} — {REASON_TEXT[a.reason]}
          </li>
        ))}
      </ul>
      {unseen > 0 && (
        <button type="button" className="gfa-button secondary" onClick={dismissAlerts}>
          Vu
        </button>
      )}
    </details>
  );
}
