/**
 * Every consultant of the day on the board: filtered (status, reason,
 * category, overdue), sorted on any column, with the professional in charge
 * in its own column. A click on a row opens the move panel beside it.
 */
import { useState } from 'react';
import type { ActiveAlert, CentreConfig, ConsultantRow } from '@gfa/shared';
import { AWAY_LABEL, labels } from '../store.js';
import { clock, count } from '../format.js';
import { sortBy, useSort } from '../sortable.js';
import { SortHeader } from '../SortHeader.js';
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

type Column =
  'name' | 'reason' | 'status' | 'at' | 'delay' | 'waiting' | 'waited' | 'journey' | 'end' | 'with';

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
  const { state: sort, toggle } = useSort<Column>('at');
  const alerted = new Set(props.alerts.map((a) => a.visitId));
  const shown = sortBy(
    props.rows.filter(
      (r) =>
        (!status || r.status === status) &&
        (!reason || r.reasonId === reason) &&
        (!category ||
          r.steps.some((s) => s.categoryId === category && s.status !== 'done' && s.status !== 'skipped')) &&
        (!overdue || alerted.has(r.visitId)),
    ),
    sort,
    (r, key): string | number | null => {
      if (key === 'name') return r.name;
      if (key === 'reason') return l.reason(r.reasonId);
      if (key === 'status') return STATUS_LABEL[r.status];
      if (key === 'at') return r.appointmentAt ?? r.arrivedAt;
      if (key === 'delay') return r.delayMinutes;
      if (key === 'waiting') return r.waitingMinutes;
      if (key === 'waited') return r.waitedMinutes;
      if (key === 'journey') return r.journeyMinutes;
      if (key === 'end') return r.expectedEndAt ?? null;
      const who = inChargeOf(r);
      return who ? l.professional(who) : null;
    },
  );
  const header = (column: Column, text: string) => (
    <SortHeader column={column} sort={sort} onSort={toggle}>
      {text}
    </SortHeader>
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
              {header('name', 'Consultant')}
              {header('reason', 'Motif')}
              {header('status', 'Statut')}
              {header('at', 'RDV / arrivée')}
              {header('delay', 'Retard')}
              {header('waiting', 'Attente en cours')}
              {header('waited', 'Attente cumulée')}
              {header('journey', 'Parcours')}
              {header('end', 'Fin prévue')}
              {header('with', 'Pris en charge par')}
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
