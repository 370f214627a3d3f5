/**
 * The supervisor's board: alerts (with a sound until acknowledged), the
 * day's totals, every consultant with their journey, every professional,
 * categories, reasons and the end-of-day summary. Live: refreshed on every
 * journal event of the `board` topic and every few seconds for the clock.
 */
import { useEffect, useRef, useState } from 'react';
import { count, formatNumber } from '@gfa/shared';
import type {
  ActiveAlert,
  CentreConfig,
  ConsultantRow,
  DurationStats,
  SupervisionDto,
  VisitAction,
} from '@gfa/shared';
import { playChime } from '@gfa/shared/ui';
import { api, attempt } from './session.js';
import { AWAY_LABEL, labels, useWorkstation } from './store.js';
import { AwayControl } from './AwayControl.js';
import { TransferTargetSelect, transferTarget } from './TransferTarget.js';

const clock = (ms: number | null): string =>
  ms === null ? '—' : new Date(ms).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
const mins = (n: number | null): string => (n === null ? '—' : `${n} min`);
const stats = (s: DurationStats): string =>
  s.count === 0 ? '—' : `${s.mean} min (min ${s.min}, max ${s.max}, n=${s.count})`;

const STATUS_LABEL: Record<ConsultantRow['status'], string> = {
  expected: 'Attendu',
  in_journey: 'En parcours',
  away: 'Absent momentanément',
  done: 'Terminé',
  left: 'Parti',
  no_show: 'Non venu',
  cancelled: 'Rendez-vous annulé',
};

export function SupervisionView() {
  const { config, boardVersion } = useWorkstation();
  const [board, setBoard] = useState<SupervisionDto | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const sounded = useRef(new Set<string>());
  const lastChime = useRef(0);

  useEffect(() => {
    let stopped = false;
    const load = async () => {
      const next = await attempt(() => api.call('supervision'));
      if (!next || stopped) return;
      setBoard(next);
      // A chime for each new alert, and again every 30 s while one is not acknowledged.
      const pending = next.alerts.filter((a) => !a.acknowledged);
      const fresh = pending.filter((a) => !sounded.current.has(a.key));
      const now = Date.now();
      if (fresh.length > 0 || (pending.length > 0 && now - lastChime.current >= 30_000)) {
        playChime();
        lastChime.current = now;
      }
      for (const a of fresh) sounded.current.add(a.key);
    };
    const timer = setTimeout(() => void load(), 150);
    const tick = setInterval(() => void load(), 5_000);
    return () => {
      stopped = true;
      clearTimeout(timer);
      clearInterval(tick);
    };
  }, [boardVersion]);

  if (!board || !config) return <p className="ws-empty">Chargement du tableau de bord…</p>;
  const l = labels(config);
  const chosen = board.consultants.find((c) => c.visitId === selected) ?? null;
  return (
    <div className="ws-board">
      <Alerts alerts={board.alerts} onSelect={setSelected} />
      <section className="ws-totals" aria-label="Totaux du jour">
        <span>
          Reçus : <strong>{board.totals.received}</strong>
        </span>
        <span>
          Encore attendus : <strong>{board.totals.stillExpected}</strong>
        </span>
        <span>
          En parcours : <strong>{board.totals.inJourney}</strong>
        </span>
        <span>
          Terminés : <strong>{board.totals.done}</strong>
        </span>
        <span>
          Absents (non venus) : <strong>{board.totals.noShows}</strong>
        </span>
      </section>
      {chosen && <SupervisorActions row={chosen} config={config} onClose={() => setSelected(null)} />}
      <h2>Consultants</h2>
      <table className="ws-table" aria-label="Consultants du jour">
        <thead>
          <tr>
            <th>Consultant</th>
            <th>Motif</th>
            <th>Statut</th>
            <th>RDV / arrivée</th>
            <th>Retard</th>
            <th>Attente en cours</th>
            <th>Attente cumulée</th>
            <th>Soins</th>
            <th>Parcours</th>
            <th>Étapes</th>
          </tr>
        </thead>
        <tbody>
          {board.consultants.map((c) => (
            <tr key={c.visitId} data-status={c.status} onClick={() => setSelected(c.visitId)}>
              <td>
                <button type="button" className="ws-link">
                  {c.name}
                </button>
              </td>
              <td>{l.reason(c.reasonId)}</td>
              <td>
                {STATUS_LABEL[c.status]}
                {c.awayReason ? ` (${AWAY_LABEL[c.awayReason]})` : ''}
              </td>
              <td>
                {clock(c.appointmentAt)} / {clock(c.arrivedAt)}
              </td>
              <td>{mins(c.delayMinutes)}</td>
              <td>{mins(c.waitingMinutes)}</td>
              <td>{mins(c.waitedMinutes)}</td>
              <td>{mins(c.careMinutes)}</td>
              <td>{mins(c.journeyMinutes)}</td>
              <td className="ws-steps">
                {c.steps.map((s) => (
                  <span
                    key={s.stepId}
                    className={`step-${s.status}`}
                    title={l.professional(s.professionalId)}
                  >
                    {s.label}
                    {s.status === 'in_progress' ? ` (depuis ${clock(s.startedAt)})` : ''}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Professionnels</h2>
      <table className="ws-table" aria-label="Professionnels">
        <thead>
          <tr>
            <th>Professionnel</th>
            <th>Poste</th>
            <th>Reçus</th>
            <th>Par motif</th>
            <th>Durée de prise en charge</th>
            <th>Attente de ses consultants</th>
            <th>Inactivité (total / en cours)</th>
          </tr>
        </thead>
        <tbody>
          {board.professionals.map((p) => (
            <tr key={p.professionalId}>
              <td>{p.name}</td>
              <td>{{ offline: 'Absent', available: 'Disponible', paused: 'En pause' }[p.deskState]}</td>
              <td>{p.received}</td>
              <td>
                {Object.entries(p.byReason)
                  .map(([reason, n]) => `${l.reason(reason)} : ${n}`)
                  .join(', ') || '—'}
              </td>
              <td>{stats(p.care)}</td>
              <td>{stats(p.wait)}</td>
              <td>
                {p.idleMinutes} min / {mins(p.idleSinceMinutes)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="ws-columns">
        <section>
          <h2>Par catégorie</h2>
          <table className="ws-table">
            <tbody>
              {board.categories.map((c) => (
                <tr key={c.categoryId}>
                  <td>{c.label}</td>
                  <td>{stats(c.care)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h2>Par motif</h2>
          <table className="ws-table">
            <tbody>
              {board.reasons.map((r) => (
                <tr key={r.reasonId}>
                  <td>{r.label}</td>
                  <td>
                    {Object.entries(r.statuses)
                      .filter(([, n]) => n > 0)
                      .map(([s, n]) => `${STATUS_LABEL[s as ConsultantRow['status']]} : ${n}`)
                      .join(', ')}
                  </td>
                  <td>Parcours : {stats(r.journey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-label="Bilan de la journée">
          <h2>Bilan de la journée</h2>
          <p>
            {count(board.summary.cares, 'prise en charge', 'prises en charge')},{' '}
            {formatNumber(board.summary.meanCaresPerProfessional)} en moyenne par professionnel ;{' '}
            {count(board.summary.noShows, 'non venu', 'non venus')} ;{' '}
            {count(board.summary.cameNotHandled, 'venu', 'venus')} sans prise en charge.
          </p>
          <ul>
            {board.summary.byProfessional.map((p) => (
              <li key={p.professionalId}>
                {p.name} : {p.cares} (moyenne {mins(p.meanCare)})
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}

function Alerts(props: {
  readonly alerts: readonly ActiveAlert[];
  readonly onSelect: (visitId: string) => void;
}) {
  if (props.alerts.length === 0) return <p className="ws-empty">Aucune alerte.</p>;
  return (
    <section className="ws-alerts" aria-label="Alertes">
      <h2>Alertes</h2>
      <ul>
        {props.alerts.map((a) => (
          <li
            key={a.key}
            className={a.acknowledged ? 'acknowledged' : 'active'}
            role={a.acknowledged ? undefined : 'alert'}
          >
            <span>{a.message}</span>
            {a.visitId && (
              <button
                type="button"
                className="gfa-button secondary"
                onClick={() => props.onSelect(a.visitId as string)}
              >
                Voir
              </button>
            )}
            {!a.acknowledged && (
              <button
                type="button"
                className="gfa-button"
                onClick={() =>
                  void attempt(
                    () => api.call('acknowledgeAlert', { body: { key: a.key } }),
                    'Alerte acquittée.',
                  ).then(() => useWorkstation.getState().boardChanged())
                }
              >
                Acquitter
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Any move on any consultant, always with a reason (it goes to the journal). */
function SupervisorActions(props: {
  readonly row: ConsultantRow;
  readonly config: CentreConfig;
  readonly onClose: () => void;
}) {
  const { row, config } = props;
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const [priority, setPriority] = useState('5');
  const run = (action: VisitAction, done: string) =>
    void attempt(() => api.call('visitAction', { params: { id: row.visitId }, body: action }), done).then(
      () => useWorkstation.getState().boardChanged(),
    );
  const why = reason.trim() || undefined;
  return (
    <section className="ws-visit" aria-label="Déplacer le consultant">
      <h2>
        {row.name} — {labels(config).reason(row.reasonId)}
      </h2>
      <label>
        Motif de l’intervention
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="Ex. : médecin absent"
        />
      </label>
      <div className="ws-transfer">
        <TransferTargetSelect config={config} value={target} onChange={setTarget} />
        <button
          type="button"
          className="gfa-button"
          disabled={!target || !why}
          onClick={() =>
            run({ type: 'transfer', target: transferTarget(target), reason: why }, 'Consultant transféré.')
          }
        >
          Transférer
        </button>
      </div>
      <div className="ws-transfer">
        <label>
          Priorité
          <select value={priority} onChange={(e) => setPriority(e.target.value)}>
            {Array.from({ length: 10 }, (_, n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="gfa-button secondary"
          disabled={!why}
          onClick={() =>
            run({ type: 'priority', priorityClass: Number(priority), reason: why }, 'Priorité modifiée.')
          }
        >
          Changer la priorité
        </button>
      </div>
      <div className="ws-actions">
        <AwayControl
          awayReason={row.status === 'away' ? row.awayReason : null}
          canGoAway={row.status === 'in_journey' && row.waitingMinutes !== null}
          onAct={(action) =>
            run(action, action.type === 'back' ? 'Consultant de retour.' : 'Consultant mis en absence.')
          }
        />
        <button
          type="button"
          className="gfa-button danger"
          disabled={!why}
          onClick={() => run({ type: 'end', reason: why }, 'Parcours terminé.')}
        >
          Terminer le parcours
        </button>
        <button type="button" className="gfa-button secondary" onClick={props.onClose}>
          Fermer
        </button>
      </div>
    </section>
  );
}
