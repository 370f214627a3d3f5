/**
 * Reception: the day's list (dense, sortable, filterable, searchable in any
 * word order), the kiosk's alerts, walk-ins, and printing of the list and of
 * each visitor's circulation sheet.
 */
import { useEffect, useState } from 'react';
import { STATE_LABEL, count, matchesWords, type VisitDto, type VisitState } from '@gfa/shared';
import { api, attempt } from './session.js';
import { labels, useWorkstation } from './store.js';
import { ReceptionRowActions } from './ReceptionRowActions.js';
import { WalkInForm } from './WalkInForm.js';
import { birthDate, clock } from './format.js';
import { useSortedRows } from './sortable.js';
import { SortHeaders } from './SortHeader.js';
import { FilterSelect, optionsOf } from './FilterSelect.js';
import { KioskAlerts } from './reception/KioskAlerts.js';
import { CirculationSheet } from './reception/CirculationSheet.js';
import { inBuilding, whereabouts } from './reception/whereabouts.js';
import { printAs } from './reception/print.js';
import { NextStepEstimate } from './forecast/NextStepEstimate.js';
import { usePolledVisitForecasts } from './forecast/visit-forecasts.js';
import './reception.css';

const COLUMNS = {
  appointment: 'RDV',
  name: 'Consultant',
  born: 'Né(e) le',
  arrived: 'Arrivée',
  reason: 'Motif',
  state: 'État',
  step: 'Étape en cours',
  who: 'Avec / file',
};
type Column = keyof typeof COLUMNS;

const fullName = (v: VisitDto): string =>
  `${v.identity.lastName.toUpperCase()} ${v.identity.firstName}`.trim();

export function ReceptionView() {
  const { visits, config } = useWorkstation();
  const [search, setSearch] = useState('');
  const [state, setState] = useState<VisitState | ''>('');
  const [reason, setReason] = useState('');
  const [here, setHere] = useState(false);
  const [sheets, setSheets] = useState<VisitDto[]>([]);
  const [references, setReferences] = useState<Record<string, string> | null>(null);
  const l = labels(config);
  usePolledVisitForecasts();
  const all = Object.values(visits);
  const where = (v: VisitDto, part: 'step' | 'who'): string | null =>
    whereabouts(v, config)[part].replace(/^—$/, '') || null;
  const { shown, sort, toggle } = useSortedRows<VisitDto, Column>(
    all.filter(
      (v) =>
        matchesWords(fullName(v), search) &&
        (!state || v.state === state) &&
        (!reason || v.reasonId === reason) &&
        (!here || inBuilding(v)),
    ),
    'appointment',
    {
      appointment: (v) => v.appointmentAt ?? v.arrivedAt,
      name: fullName,
      born: (v) => v.identity.birthDate,
      arrived: (v) => v.arrivedAt,
      reason: (v) => l.reason(v.reasonId),
      state: (v) => STATE_LABEL[v.state],
      step: (v) => where(v, 'step'),
      who: (v) => where(v, 'who'),
    },
  );

  // Prints once the sheets (and the convocation references for their barcodes) are on the page.
  useEffect(() => {
    if (sheets.length > 0 && references) printAs('sheets');
  }, [sheets, references]);
  const printSheets = (list: VisitDto[]) => {
    setSheets(list);
    if (!references)
      void attempt(() => api.call('convocationReferences')).then((r) => setReferences(r?.references ?? {}));
  };

  return (
    <div className="ws-reception">
      <div className="ws-reception-top ws-screen-only">
        <details className="ws-walkin-box">
          <summary>Consultant sans rendez-vous</summary>
          <WalkInForm />
        </details>
        <KioskAlerts />
      </div>
      <div className="ws-day-tools ws-screen-only" role="search" aria-label="Filtrer la liste du jour">
        <label>
          Rechercher
          <input
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Nom et/ou prénom, dans n’importe quel ordre"
          />
        </label>
        <FilterSelect
          label="État"
          value={state}
          onChange={(v) => setState(v as VisitState | '')}
          all="Tous"
          options={optionsOf(STATE_LABEL)}
        />
        <FilterSelect
          label="Motif"
          value={reason}
          onChange={setReason}
          all="Tous"
          options={optionsOf(config?.reasons ?? [])}
        />
        <label className="ws-check">
          <input type="checkbox" checked={here} onChange={(e) => setHere(e.target.checked)} />
          Dans le bâtiment
        </label>
        <span aria-live="polite">
          {count(shown.length, 'consultant affiché', 'consultants affichés')} sur {all.length}
        </span>
        <button type="button" className="gfa-button secondary" onClick={() => printAs('list')}>
          Imprimer la liste
        </button>
        <button
          type="button"
          className="gfa-button secondary"
          disabled={shown.length === 0}
          onClick={() => printSheets(shown)}
        >
          Imprimer les feuilles
        </button>
      </div>
      <div className="ws-day-list">
        <h2 className="ws-print-only">
          Consultants du {new Date().toLocaleDateString('fr-FR', { dateStyle: 'full' })}
        </h2>
        <table className="ws-table ws-dense" aria-label="Consultants du jour">
          <thead>
            <tr>
              <SortHeaders columns={COLUMNS} sort={sort} onSort={toggle} />
              <th className="ws-screen-only">Actions</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((v) => {
              const where = whereabouts(v, config);
              return (
                <tr key={v.id} data-state={v.state}>
                  <td>{clock(v.appointmentAt)}</td>
                  <td>
                    {v.identity.civility} <strong>{v.identity.lastName.toUpperCase()}</strong>{' '}
                    {v.identity.firstName}
                  </td>
                  <td>{birthDate(v.identity.birthDate)}</td>
                  <td>{clock(v.arrivedAt)}</td>
                  <td>
                    <abbr title={l.reason(v.reasonId)}>{l.reasonCode(v.reasonId)}</abbr>
                  </td>
                  <td>{STATE_LABEL[v.state]}</td>
                  <td className="ws-wrap">{where.step}</td>
                  <td className="ws-wrap">
                    {where.who}
                    {config && <NextStepEstimate visit={v} config={config} />}
                  </td>
                  <td className="ws-row-actions ws-screen-only">
                    <ReceptionRowActions visit={v} />
                    <button
                      type="button"
                      className="gfa-button secondary"
                      aria-label={`Feuille de circulation de ${fullName(v)}`}
                      onClick={() => printSheets([v])}
                    >
                      Feuille
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {shown.length === 0 && <p className="ws-empty">Aucun consultant ne correspond.</p>}
      </div>
      <div className="ws-sheets">
        {sheets.map((v) => (
          <CirculationSheet
            key={v.id}
            visit={v}
            config={config}
            reference={(v.appointmentId && references?.[v.appointmentId]) || null}
          />
        ))}
      </div>
    </div>
  );
}
