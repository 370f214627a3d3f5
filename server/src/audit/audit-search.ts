/**
 * Administration › Journal d'audit: the hash-chained journal searched by
 * period, type and free text, with readable actors, and the chain's integrity.
 */
import { and, between, desc, eq, sql, type SQL } from 'drizzle-orm';
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
/** Records read at a time, newest first. */
const BATCH = 1000;
/** A period of fewer records (about a month of a centre's journal) is searched by reading it. */
const SCAN_BELOW = 5000;

function actorLabels(db: Db): Map<string, string> {
  const labels = new Map<string, string>();
  // The person's name first (what people read), the login to tell namesakes apart.
  for (const u of db
    .select({ id: t.users.id, login: t.users.login, name: t.users.displayName })
    .from(t.users)
    .all())
    labels.set(`user:${u.id}`, `${u.name} (${u.login})`);
  for (const d of db.select({ id: t.devices.id, name: t.devices.name }).from(t.devices).all())
    labels.set(`device:${d.id}`, `appareil « ${d.name} »`);
  return labels;
}

/** The period's first and last records, from the time index (none: an empty period). */
function periodBounds(db: Db, from: number, to: number): { first: number; last: number } | null {
  const bounds = db
    .select({
      first: sql<number | null>`min(${t.events.seq})`,
      last: sql<number | null>`max(${t.events.seq})`,
    })
    .from(t.events)
    .where(between(t.events.at, from, to))
    .get();
  return bounds?.first && bounds.last ? { first: bounds.first, last: bounds.last } : null;
}

/**
 * The records below the period's last one that `below(seq)` selects, newest first, read a batch at a time
 * so that a full page stops the reading: a batch shorter than the others is the last.
 */
function* newestFirst(
  db: Db,
  bounds: { readonly last: number },
  below: (seq: number) => SQL | undefined,
): Generator<EventRow> {
  let before = bounds.last + 1;
  for (;;) {
    const batch = db
      .select()
      .from(t.events)
      .where(below(before - 1))
      .orderBy(desc(t.events.seq))
      .limit(BATCH)
      .all();
    yield* batch;
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) return;
    before = last.seq;
  }
}

/** The period's records in key order between its first and last ones (of the type asked). */
const inPeriod =
  (bounds: { readonly first: number }, from: number, to: number, type: AuditQuery['type']) =>
  (seq: number): SQL | undefined =>
    and(
      between(t.events.seq, bounds.first, seq),
      // Unary plus: filter on the time without letting SQLite pick the time index over the key order.
      sql`+${t.events.at} between ${from} and ${to}`,
      type ? eq(t.events.type, type) : undefined,
    );

/** Case and accents folded, as the full-text index folds them (`unicode61 remove_diacritics 2`). */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('fr');

/**
 * The words of a search as an FTS5 phrase: followed by more of the search, a word ends where it
 * does, so only the last one is a word's beginning (« box 3 » finds « Box 3 » and « Box 31 »).
 */
const wordsQuery = (needle: string): string | null => {
  const words = needle.match(/[\p{L}\p{N}]+/gu);
  return words ? `"${words.join(' ')}"*` : null;
};

/**
 * The records that may hold the words, from the full-text index (`events_search`, kept by the
 * append's own transaction). An actor's readable name is not in the index: the actors whose label
 * holds the words are asked by their kind and id instead.
 */
const inIndex = (
  bounds: { readonly first: number },
  words: string,
  actors: readonly { readonly kind: string; readonly id: string }[],
) => {
  const phrase = (text: string): string => `"${(text.match(/[\p{L}\p{N}]+/gu) ?? []).join(' ')}"`;
  const query = [
    `(${words})`,
    ...actors.map((a) => (a.id ? `(${phrase(a.kind)} AND ${phrase(a.id)})` : phrase(a.kind))),
  ].join(' OR ');
  return (seq: number): SQL =>
    sql`${t.events.seq} in (select rowid from events_search where events_search match ${query}
      and rowid between ${bounds.first} and ${seq} order by rowid desc limit ${BATCH})`;
};

/**
 * Newest first: a page cut at the limit keeps the latest records, the ones an administrator looks for.
 * The free text matches, case and accents aside, the actor's readable name or login, the record's type
 * or its details, each word by its beginning (« récep » finds « Réception »), several words as the
 * phrase they form.
 */
export function searchAudit(
  db: Db,
  query: AuditQuery,
  limit: number,
  /** Periods of fewer records are read rather than looked up (the tests set it to prove both ways the same). */
  scanBelow = SCAN_BELOW,
): Omit<AuditPage, 'chain'> {
  const labels = actorLabels(db);
  const needle = fold(query.q ?? '');
  const records: AuditRecord[] = [];
  let truncated = false;
  const [from, to] = [localInstant(query.from, 0), localInstant(query.to, 24 * 60) - 1] as const;
  const labelOf = (row: Pick<EventRow, 'actorKind' | 'actorId'>): string =>
    row.actorKind === 'system' ? 'système' : (labels.get(`${row.actorKind}:${row.actorId}`) ?? row.actorId);
  const words = needle ? wordsQuery(needle) : null;
  const bounds = periodBounds(db, from, to);
  if (!bounds) return { records, truncated };
  // A short period is read whole faster than a common word's entries in the index are.
  const rows = newestFirst(
    db,
    bounds,
    words && bounds.last - bounds.first >= scanBelow
      ? inIndex(bounds, words, matchingActors(labels, needle))
      : inPeriod(bounds, from, to, query.type),
  );
  for (const row of rows) {
    if (row.at < from || row.at > to || (query.type && row.type !== query.type)) continue;
    const actorLabel = labelOf(row);
    if (needle && !fold(`${actorLabel} ${row.type} ${JSON.stringify(row.data)}`).includes(needle)) continue;
    if (records.length === limit) {
      truncated = true;
      break;
    }
    records.push({ ...toEntry(row), actorLabel, hash: row.hash ?? '' });
  }
  return { records, truncated };
}

/** The actors whose readable label holds the search (« système » stands for every system actor). */
function matchingActors(labels: ReadonlyMap<string, string>, needle: string): { kind: string; id: string }[] {
  const found = [...labels]
    .filter(([, label]) => fold(label).includes(needle))
    .map(([key]) => {
      const [kind, ...id] = key.split(':');
      return { kind: kind as string, id: id.join(':') };
    });
  return fold('système').includes(needle) ? [...found, { kind: 'system', id: '' }] : found;
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
