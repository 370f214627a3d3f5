/** Statistics of a period, the audit trail and the exports, for the administrator; every export is journaled. */
import { statisticsFor } from '../stats/period.js';
import { statisticsTables } from '../stats/tables.js';
import { csvArchive } from '../stats/full-export.js';
import { fullExportInWorker } from '../stats/full-export-in-worker.js';
import { tableToCsv } from '../stats/csv-writer.js';
import { tablesToXlsxInWorker } from '../stats/xlsx-in-worker.js';
import { auditTable, EXPORT_LIMIT, PAGE_LIMIT, searchAudit } from '../audit/audit-search.js';
import { appendAudit } from '../db/journal-audit.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

export type StatsDeps = Pick<HandlerDeps, 'db' | 'sqlite' | 'service' | 'chain'>;

export function createStatsHandlers(
  deps: StatsDeps,
): Pick<Handlers, 'statistics' | 'exportStatistics' | 'fullExport' | 'auditLog' | 'auditExport'> {
  const { db, service } = deps;
  const journal = (ctx: Parameters<typeof requirePrincipal>[0], data: Record<string, unknown>) =>
    appendAudit(db, service.now(), 'export.created', actorOf(requirePrincipal(ctx)).ref, data);
  return {
    statistics: (ctx) => statisticsFor(db, ctx.query.from, ctx.query.to),
    exportStatistics: async (ctx) => {
      const { from, to, format } = ctx.query;
      const tables = statisticsTables(statisticsFor(db, from, to));
      journal(ctx, { kind: 'statistics', from, to, format });
      return format === 'xlsx'
        ? {
            file: `gfa-statistiques-${from}-${to}.xlsx`,
            mime: XLSX_MIME,
            contentBase64: base64(await tablesToXlsxInWorker(tables)),
          }
        : {
            file: `gfa-statistiques-${from}-${to}-csv.zip`,
            mime: 'application/zip',
            contentBase64: base64(csvArchive(tables)),
          };
    },
    auditLog: (ctx) => ({ ...searchAudit(db, ctx.query, PAGE_LIMIT), chain: deps.chain.status() }),
    auditExport: async (ctx) => {
      const { from, to } = ctx.query;
      const format = ctx.query.format ?? 'csv';
      const table = auditTable(searchAudit(db, ctx.query, EXPORT_LIMIT).records);
      // Journaled after the search, so the export never lists itself.
      journal(ctx, { kind: 'audit', from, to, format, type: ctx.query.type ?? null, q: ctx.query.q ?? null });
      return format === 'xlsx'
        ? {
            file: `gfa-audit-${from}-${to}.xlsx`,
            mime: XLSX_MIME,
            contentBase64: base64(await tablesToXlsxInWorker([table])),
          }
        : {
            file: `gfa-audit-${from}-${to}.csv`,
            mime: 'text/csv',
            contentBase64: base64(Buffer.from(tableToCsv(table), 'utf8')),
          };
    },
    fullExport: async (ctx) => {
      journal(ctx, { kind: 'all' });
      return {
        file: 'gfa-export-complet.zip',
        mime: 'application/zip',
        contentBase64: base64(await fullExportInWorker(deps.sqlite.name)),
      };
    },
  };
}
