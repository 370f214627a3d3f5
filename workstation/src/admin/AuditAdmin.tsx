/**
 * Administration › Journal d'audit: search the chained journal by period,
 * type and free text; the chain's integrity is checked on every search and
 * shown first; the same search exports as CSV or XLSX.
 */
import { useEffect, useState } from 'react';
import type { AuditPage, AuditQuery, JournalEntry } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { AUDIT_TYPES, details, typeLabel } from './audit-labels.js';
import { namesOf } from './names-of.js';
import { useWorkstation } from '../store.js';
import { download } from './download.js';
import { PeriodFields } from './PeriodFields.js';

const DAY_MS = 86_400_000;
/** The local calendar day (an ISO string would give the UTC day, wrong near midnight). */
const day = (d: Date): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
/** To the second: several records often share a minute. */
const at = (ms: number): string =>
  new Date(ms).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'medium' });
/** The server pages oldest first; the screen reads better with the latest actions on top. */

export function AuditAdmin() {
  const { config, visits } = useWorkstation();
  const nameOf = namesOf(config, visits);
  const [from, setFrom] = useState(day(new Date(Date.now() - 6 * DAY_MS)));
  const [to, setTo] = useState(day(new Date()));
  const [type, setType] = useState<JournalEntry['type'] | ''>('');
  const [q, setQ] = useState('');
  const [page, setPage] = useState<AuditPage | null>(null);
  const query = (): AuditQuery => ({
    from,
    to,
    ...(type ? { type } : {}),
    ...(q.trim() ? { q: q.trim() } : {}),
  });
  const search = () =>
    void attempt(() => api.call('auditLog', { query: query() })).then((p) => p && setPage(p));
  useEffect(search, []);
  const exportAs = (format: 'csv' | 'xlsx') =>
    void attempt(() => api.call('auditExport', { query: { ...query(), format } })).then(
      (f) => f && download(f),
    );

  return (
    <section className="ws-form ws-audit" aria-label="Journal d’audit">
      <form
        className="ws-filters"
        aria-label="Recherche dans le journal"
        onSubmit={(e) => {
          e.preventDefault();
          search();
        }}
      >
        <PeriodFields from={from} to={to} setFrom={setFrom} setTo={setTo} />
        <label>
          Type
          <select value={type} onChange={(e) => setType(e.target.value as JournalEntry['type'] | '')}>
            <option value="">Tous</option>
            {AUDIT_TYPES.map((t) => (
              <option key={t} value={t}>
                {typeLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Recherche
          <input
            type="search"
            maxLength={80}
            placeholder="identifiant, appareil, détail…"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <button type="submit" className="gfa-button">
          Rechercher
        </button>
        <button type="button" className="gfa-button secondary" onClick={() => exportAs('csv')}>
          Exporter CSV
        </button>
        <button type="button" className="gfa-button secondary" onClick={() => exportAs('xlsx')}>
          Exporter XLSX
        </button>
      </form>
      {page && (
        <>
          <p
            className={page.chain.ok ? 'ws-chain ok' : 'ws-chain broken'}
            role={page.chain.ok ? 'status' : 'alert'}
          >
            {page.chain.ok
              ? `Journal intègre : ${page.chain.records} enregistrements`
              : `Journal altéré : ${page.chain.reason ?? 'chaînage rompu'}`}
          </p>
          {page.truncated && (
            <p>
              Seuls les premiers enregistrements sont affichés : réduisez la période ou précisez la recherche.
            </p>
          )}
          <table className="ws-table" aria-label="Enregistrements du journal">
            <thead>
              <tr>
                <th>Date</th>
                <th>Type</th>
                <th>Auteur</th>
                <th>Détails</th>
              </tr>
            </thead>
            <tbody>
              {page.records.map((r) => (
                <tr key={r.seq} data-type={r.type}>
                  <td>{at(r.at)}</td>
                  <td>{typeLabel(r.type)}</td>
                  <td>{r.actorLabel}</td>
                  <td>{details(r.data, nameOf)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {page.records.length === 0 && <p>Aucun enregistrement pour cette recherche.</p>}
        </>
      )}
    </section>
  );
}
