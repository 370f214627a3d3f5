/** The statistics of group sessions: one session with N participants counts once (rules Q-GROUP-*). */
import { formatNumber, type GroupRow } from '@gfa/shared';

export function GroupStatsTable({ rows }: { readonly rows: readonly GroupRow[] | undefined }) {
  if (!rows || rows.length === 0) return null;
  return (
    <table className="ws-table" aria-label="Séances collectives">
      <thead>
        <tr>
          <th>Séances collectives</th>
          <th>Séances</th>
          <th>Participants</th>
          <th>Participants par séance</th>
          <th>Durée moyenne (min)</th>
          <th>Temps d’animation (min)</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.reasonId}>
            <td>{r.label}</td>
            <td>{r.sessions}</td>
            <td>{r.participants}</td>
            <td>{formatNumber(r.participantsPerSession)}</td>
            <td>{formatNumber(r.meanSessionMinutes)}</td>
            <td>{r.facilitatorMinutes}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
