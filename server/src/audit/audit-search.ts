/**
 * Administration › Journal d'audit: the hash-chained journal searched by
 * period, type and free text, with readable actors, and the chain's integrity.
 */
import { and, between, desc, eq, sql } from 'drizzle-orm';
import type { AuditPage, AuditQuery, AuditRecord } from '@gfa/shared';
import type { Db } from '../db/database.js';
import { verifyJournal } from '../db/journal-chain.js';
import { journalSequence, toChain } from './chain-monitor.js';
import { toEntry } from '../db/journal-store.js';
import * as t from '../db/schema.js';
import { localInstant } from '../calendar/local-time.js';
import type { Table } from '../stats/tables.js';

type EventRow = typeof t.events.$inferSelect;

/** A page the screen can show at once; exports take up to the export limit. */
export const PAGE_LIMIT = 500;
export const EXPORT_LIMIT = 100_000;

function actorLabels(db: Db): Map<string, string> {
  const labels = new Map<string, string>();
  for (const u of db.select({ id: t.users.id, login: t.users.login }).from(t.users).all())
    labels.set(`user:${u.id}`, u.login);
  for (const d of db.select({ id: t.devices.id, name: t.devices.name }).from(t.devices).all())
    labels.set(`device:${d.id}`, `appareil « ${d.name} »`);
  return labels;
}

/**
 * The records of a period, newest first, read a batch at a time so that a full page stops the reading. The
 * period's first and last records come from the time index; the batches then follow the primary key between them.
 */
function* newestFirst(db: Db, from: number, to: number, type: AuditQuery['type']): Generator<EventRow> {
  const bounds = db
    .select({
      first: sql<number | null>`min(${t.events.seq})`,
      last: sql<number | null>`max(${t.events.seq})`,
    })
    .from(t.events)
    .where(between(t.events.at, from, to))
    .get();
  if (!bounds?.first || !bounds.last) return;
  let before = bounds.last + 1;
  for (;;) {
    const batch = db
      .select()
      .from(t.events)
      .where(
        and(
          between(t.events.seq, bounds.first, before - 1),
          // Unary plus: filter on the time without letting SQLite pick the time index over the key order.
          sql`+${t.events.at} between ${from} and ${to}`,
          type ? eq(t.events.type, type) : undefined,
        ),
      )
      .orderBy(desc(t.events.seq))
      .limit(1000)
      .all();
    yield* batch;
    const last = batch.at(-1);
    if (!last) return;
    before = last.seq;
  }
}

/** Newest first: a page cut at the limit keeps the latest records, the ones an administrator looks for. */
export function searchAudit(db: Db, query: AuditQuery, limit: number): Omit<AuditPage, 'chain'> {
  const labels = actorLabels(db);
  const needle = query.q?.toLocaleLowerCase('fr') ?? '';
  const records: AuditRecord[] = [];
  let truncated = false;
  const period = [localInstant(query.from, 0), localInstant(query.to, 24 * 60) - 1] as const;
  for (const row of newestFirst(db, ...period, query.type)) {
    const actorLabel =
      row.actorKind === 'system' ? 'système' : (labels.get(`${row.actorKind}:${row.actorId}`) ?? row.actorId);
    if (
      needle &&
      !`${actorLabel} ${row.type} ${JSON.stringify(row.data)}`.toLocaleLowerCase('fr').includes(needle)
    )
      continue;
    if (records.length === limit) {
      truncated = true;
      break;
    }
    records.push({ ...toEntry(row), actorLabel, hash: row.hash ?? '' });
  }
  return { records, truncated };
}

/** The whole chain walked now (`gfa audit verify`); the server's banner uses the ChainMonitor instead. */
export function auditChain(db: Db, sqlite: { prepare(sql: string): { get(): unknown } }): AuditPage['chain'] {
  return toChain(verifyJournal(db, journalSequence(sqlite)()));
}

export function auditTable(records: readonly AuditRecord[]): Table {
  return {
    name: 'Journal d’audit',
    columns: [
      { label: 'N°', type: 'number' },
      { label: 'Date et heure', type: 'datetime' },
      { label: 'Type', type: 'text' },
      { label: 'Auteur', type: 'text' },
      { label: 'Consultant (id)', type: 'text' },
      { label: 'Détails', type: 'text' },
      { label: 'Empreinte', type: 'text' },
    ],
    rows: records.map((r) => [r.seq, r.at, r.type, r.actorLabel, r.visitId, JSON.stringify(r.data), r.hash]),
  };
}
