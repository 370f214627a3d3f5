/**
 * Statistics of a period with bar charts (plain CSS bars: no chart library
 * is needed for horizontal bars), and the exports: XLSX, CSV, everything.
 */
import { useState } from 'react';
import { count, formatNumber, localDay, type Statistics, type Summary } from '@gfa/shared';
import { GroupStatsTable } from './GroupStatsTable.js';
import { api, attempt } from '../session.js';
import { download } from './download.js';
import { PeriodFields } from './PeriodFields.js';
import { SatisfactionStats } from './SatisfactionStats.js';

const fmt = (s: Summary): string =>
  s.count === 0
    ? '—'
    : `${formatNumber(s.mean)} min (médiane ${formatNumber(s.median)}, p90 ${formatNumber(s.p90)}, min ${formatNumber(s.min)}, max ${formatNumber(s.max)})`;

function Bars(props: {
  readonly title: string;
  readonly unit: string;
  readonly rows: readonly [string, number][];
}) {
  const max = Math.max(1, ...props.rows.map(([, v]) => v));
  return (
    <figure className="ws-chart" aria-label={props.title}>
      <figcaption>{props.title}</figcaption>
      {props.rows.map(([label, value]) => (
        <div key={label} className="ws-bar">
          <span>{label}</span>
          <span className="ws-bar-track">
            <span className="ws-bar-fill" style={{ width: `${(value / max) * 100}%` }} />
          </span>
          <span>
            {formatNumber(value)} {props.unit}
          </span>
        </div>
      ))}
    </figure>
  );
}

export function StatsAdmin() {
  const now = new Date();
  // The centre's day: the UTC one is yesterday's between midnight and 01:00 (02:00 in summer).
  const [from, setFrom] = useState(localDay(new Date(now.getFullYear(), now.getMonth(), 1).getTime()));
  const [to, setTo] = useState(localDay(now.getTime()));
  const [stats, setStats] = useState<Statistics | null>(null);
  /** The period shown, for the satisfaction section (read with the statistics). */
  const [shown, setShown] = useState<{ from: string; to: string } | null>(null);
  const query = { from, to };
  return (
    <div className="ws-form" aria-label="Statistiques">
      <div className="ws-actions">
        <PeriodFields from={from} to={to} setFrom={setFrom} setTo={setTo} />
        <button
          type="button"
          className="gfa-button"
          onClick={() =>
            void attempt(() => api.call('statistics', { query })).then((s) => {
              if (!s) return;
              setStats(s);
              setShown({ from, to });
            })
          }
        >
          Afficher
        </button>
        <button
          type="button"
          className="gfa-button secondary"
          onClick={() =>
            void attempt(() => api.call('exportStatistics', { query: { ...query, format: 'xlsx' } })).then(
              (f) => f && download(f),
            )
          }
        >
          Exporter en XLSX
        </button>
        <button
          type="button"
          className="gfa-button secondary"
          onClick={() =>
            void attempt(() => api.call('exportStatistics', { query: { ...query, format: 'csv' } })).then(
              (f) => f && download(f),
            )
          }
        >
          Exporter en CSV
        </button>
        <button
          type="button"
          className="gfa-button secondary"
          onClick={() => void attempt(() => api.call('fullExport')).then((f) => f && download(f))}
        >
          Export complet (toutes les données)
        </button>
      </div>
      {stats && (
        <>
          <p>
            {count(stats.all.visits, 'consultant convoqué ou reçu', 'consultants convoqués ou reçus')},{' '}
            {formatNumber(stats.all.handled)} pris en charge,{' '}
            {count(stats.all.convenedNotCome, 'convoqué non venu', 'convoqués non venus')},{' '}
            {count(stats.all.cameNotHandled, 'venu non pris en charge', 'venus non pris en charge')} ;{' '}
            {count(stats.all.cares, 'prise en charge', 'prises en charge')} (
            {formatNumber(stats.all.carePerProfessional)} par professionnel).
          </p>
          <p>Durée de prise en charge : {fmt(stats.all.care)}</p>
          <p>Attente : {fmt(stats.all.wait)}</p>
          <p>Durée de parcours : {fmt(stats.all.journey)}</p>
          <div className="ws-columns">
            <Bars
              title="Prises en charge par professionnel"
              unit=""
              rows={stats.byProfessional.map((r) => [r.name, r.cares])}
            />
            <Bars
              title="Durée moyenne de prise en charge par métier"
              unit="min"
              rows={stats.byCategory.map((r) => [r.label, r.care.mean ?? 0])}
            />
            <Bars
              title="Durée moyenne de parcours par motif"
              unit="min"
              rows={stats.byReason.map((r) => [r.label, r.journey.mean ?? 0])}
            />
            <Bars
              title="Attente moyenne par motif"
              unit="min"
              rows={stats.byReason.map((r) => [r.label, r.wait.mean ?? 0])}
            />
          </div>
          <table className="ws-table" aria-label="Par motif">
            <thead>
              <tr>
                <th>Motif</th>
                <th>Convoqués</th>
                <th>Pris en charge</th>
                <th>Non venus</th>
                <th>Venus non pris en charge</th>
                <th>Parcours</th>
              </tr>
            </thead>
            <tbody>
              {stats.byReason.map((r) => (
                <tr key={r.reasonId}>
                  <td>{r.label}</td>
                  <td>{r.convened}</td>
                  <td>{r.handled}</td>
                  <td>{r.notCome}</td>
                  <td>{r.cameNotHandled}</td>
                  <td>{fmt(r.journey)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <GroupStatsTable rows={stats.groups} />
        </>
      )}
      {shown && <SatisfactionStats from={shown.from} to={shown.to} />}
    </div>
  );
}
