/**
 * Satisfaction of the period (issue 17, item 7): the share of satisfied
 * visitors (answers 4 and 5) and the number of answers, per reason and per
 * journey-time band, from the kiosk's one-tap question.
 */
import { useEffect, useState } from 'react';
import { count, formatNumber, type CsatFigures, type SatisfactionStats as Stats } from '@gfa/shared';
import { api, attempt } from '../session.js';

const share = (f: CsatFigures): string =>
  f.csatPercent === null ? '—' : `${formatNumber(f.csatPercent)} % satisfaits`;

function Rows({
  title,
  rows,
}: {
  readonly title: string;
  readonly rows: readonly (CsatFigures & { label: string })[];
}) {
  return (
    <table className="ws-table" aria-label={title}>
      <thead>
        <tr>
          <th>{title}</th>
          <th>Satisfaction</th>
          <th>Réponses</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.label}>
            <td>{r.label}</td>
            <td>{share(r)}</td>
            <td>{r.answers}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SatisfactionStats({ from, to }: { readonly from: string; readonly to: string }) {
  const [stats, setStats] = useState<Stats | null>(null);
  useEffect(() => {
    void attempt(() => api.call('satisfactionStatistics', { query: { from, to } })).then(setStats);
  }, [from, to]);
  if (!stats) return null;
  return (
    <section aria-label="Satisfaction des visiteurs">
      <h2>Satisfaction des visiteurs (borne)</h2>
      <p data-testid="csat">
        {stats.all.answers === 0
          ? 'Aucune réponse sur la période.'
          : `${share(stats.all)} — ${count(stats.all.answers, 'réponse', 'réponses')}, dont ${count(stats.all.satisfied, 'satisfaite ou très satisfaite', 'satisfaites ou très satisfaites')}.`}
      </p>
      {stats.all.answers > 0 && (
        <div className="ws-columns">
          <Rows title="Par motif" rows={stats.byReason} />
          <Rows title="Par durée de parcours" rows={stats.byJourneyBand} />
        </div>
      )}
    </section>
  );
}
