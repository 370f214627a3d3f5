/**
 * Every consultant of the day on the board: filtered (status, reason,
 * category, overdue), sorted on any column, with the professional in charge
 * in its own column. A click on a row opens the move panel beside it.
 */
import { useState } from 'react';
import { count, type ActiveAlert, type CentreConfig, type ConsultantRow } from '@gfa/shared';
import { AWAY_LABEL, labels } from '../store.js';
import { clock } from '../format.js';
import { useSortedRows } from '../sortable.js';
import { SortHeaders } from '../SortHeader.js';
import { FilterSelect, optionsOf } from '../FilterSelect.js';

export const STATUS_LABEL: Record<ConsultantRow['status'], string> = {
  expected: 'Attendu',
  in_journey: 'En parcours',
  away: 'Absent momentanément',
  done: 'Terminé',
  left: 'Parti',
  no_show: 'Non venu',
  cancelled: 'Rendez-vous annulé',
};

const COLUMNS = {
  name: 'Consultant',
  reason: 'Motif',
  status: 'Statut',
  at: 'RDV / arrivée',
  delay: 'Retard',
  waiting: 'Attente en cours',
  waited: 'Attente cumulée',
  journey: 'Parcours',
  end: 'Fin prévue',
  with: 'Pris en charge par',
};
type Column = keyof typeof COLUMNS;

const mins = (n: number | null): string => (n === null ? '—' : `${n} min`);

/** The professional who has the consultant now (called or in care), if any. */
export const inChargeOf = (row: ConsultantRow): string | null =>
  row.steps.find((s) => s.status === 'in_progress')?.professionalId ?? null;

export function ConsultantTable(props: {
  readonly rows: readonly ConsultantRow[];
  readonly alerts: readonly ActiveAlert[];
  readonly config: CentreConfig;
  readonly selected: string | null;
  readonly onSelect: (visitId: string) => void;
}) {
  const { config } = props;
  const l = labels(config);
  const [status, setStatus] = useState('');
  const [reason, setReason] = useState('');
  const [category, setCategory] = useState('');
  const [overdue, setOverdue] = useState(false);
  const alerted = new Set(props.alerts.map((a) => a.visitId));
  const { shown, sort, toggle } = useSortedRows<ConsultantRow, Column>(
    props.rows.filter(
      (r) =>
        (!status || r.status === status) &&
        (!reason || r.reasonId === reason) &&
        (!category ||
          r.steps.some((s) => s.categoryId === category && s.status !== 'done' && s.status !== 'skipped')) &&
        (!overdue || alerted.has(r.visitId)),
    ),
    'at',
    {
      name: (r) => r.name,
      reason: (r) => l.reason(r.reasonId),
      status: (r) => STATUS_LABEL[r.status],
      at: (r) => r.appointmentAt ?? r.arrivedAt,
      delay: (r) => r.delayMinutes,
      waiting: (r) => r.waitingMinutes,
      waited: (r) => r.waitedMinutes,
      journey: (r) => r.journeyMinutes,
      end: (r) => r.expectedEndAt ?? null,
      with: (r) => {
        const who = inChargeOf(r);
        return who ? l.professional(who) : null;
      },
    },
  );

  return (
    <section className="ws-board-consultants" aria-label="Consultants">
      <div className="ws-day-tools" role="search" aria-label="Filtrer les consultants">
        <h2>Consultants</h2>
        <FilterSelect
          label="Statut"
          value={status}
          onChange={setStatus}
          all="Tous"
          options={optionsOf(STATUS_LABEL)}
        />
        <FilterSelect
          label="Motif"
          value={reason}
          onChange={setReason}
          all="Tous"
          options={optionsOf(config.reasons)}
        />
        <FilterSelect
          label="Catégorie"
          value={category}
          onChange={setCategory}
          all="Toutes"
          options={optionsOf(config.categories)}
        />
        <label className="ws-check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} />
          En dépassement (alerte)
        </label>
        <span aria-live="polite">
          {count(shown.length, 'consultant affiché', 'consultants affichés')} sur {props.rows.length}
        </span>
      </div>
      <div className="ws-board-scroll">
        <table className="ws-table ws-dense" aria-label="Consultants du jour">
          <thead>
            <tr>
              <SortHeaders columns={COLUMNS} sort={sort} onSort={toggle} />
              <th>Étapes</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => {
              const who = inChargeOf(c);
              return (
                <tr
                  key={c.visitId}
                  data-status={c.status}
                  aria-selected={props.selected === c.visitId}
                  className={alerted.has(c.visitId) ? 'alerted' : undefined}
                  onClick={() => props.onSelect(c.visitId)}
                >
                  <td>
                    <button type="button" className="ws-link">
                      {c.name}
                    </button>
                  </td>
                  <td>
                    <abbr title={l.reason(c.reasonId)}>{l.reasonCode(c.reasonId)}</abbr>
                  </td>
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
                  <td>{mins(c.journeyMinutes)}</td>
                  <td data-testid="expected-end">
                    {c.expectedEndAt ? `vers ${clock(c.expectedEndAt)}` : '—'}
                  </td>
                  <td>{who ? l.professional(who) : '—'}</td>
                  <td className="ws-steps">
                    {c.steps.map((s) => (
                      <span key={s.stepId} className={`step-${s.status}`}>
                        {s.label}
                        {s.status === 'in_progress' ? ` (depuis ${clock(s.startedAt)})` : ''}
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
