/**
 * The journal is the audit trail, and it is hash-chained: each record's hash
 * covers the previous record's hash and its own content, so altering,
 * removing or reordering any record breaks the chain from that record on;
 * removing the last records shows against SQLite's own AUTOINCREMENT counter.
 */
import { createHash } from 'node:crypto';
import { asc, between, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import { clientOf, type Db } from './db-handle.js';
import * as t from './schema.js';

type EventRow = typeof t.events.$inferSelect;
export const GENESIS = '0'.repeat(64);

/** JSON with sorted keys: the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  // As stored: JSON turns undefined (in arrays) into null.
  return JSON.stringify(value ?? null);
}

export function chainHash(previous: string, row: Omit<EventRow, 'seq' | 'hash'>): string {
  const content = canonical([
    row.at,
    row.type,
    row.actorKind,
    row.actorId,
    row.visitId,
    row.stepId,
    row.professionalId,
    row.data,
  ]);
  return createHash('sha256').update(previous).update('\n').update(content).digest('hex');
}

/** Read before every append: one plain statement, prepared once per connection. */
export function lastHash(db: Db): string {
  const row = clientOf(db).prepare('select hash from events order by seq desc limit 1').get() as
    { hash: string | null } | undefined;
  return row?.hash ?? GENESIS;
}

/**
 * Chains the records written before the chain existed (a database from an
 * earlier version). Run once, by the settings step `0001_seal_journal` inside
 * its transaction: afterwards a record without hash is a broken chain, not
 * something to seal.
 */
export function sealJournal(tx: Db): number {
  const unsealed = tx.select().from(t.events).where(isNull(t.events.hash)).orderBy(asc(t.events.seq)).all();
  const first = unsealed[0];
  if (!first) return 0;
  let previous =
    tx
      .select({ hash: t.events.hash })
      .from(t.events)
      .where(lt(t.events.seq, first.seq))
      .orderBy(desc(t.events.seq))
      .get()?.hash ?? GENESIS;
  for (const row of unsealed) {
    previous = chainHash(previous, row);
    tx.update(t.events).set({ hash: previous }).where(eq(t.events.seq, row.seq)).run();
  }
  return unsealed.length;
}

/** Years of journal, in batches: never the whole table in memory. */
function* rowsAfter(db: Db, seq: number, batchSize: number): Generator<EventRow> {
  let after = seq;
  for (;;) {
    const batch = db
      .select()
      .from(t.events)
      .where(gt(t.events.seq, after))
      .orderBy(asc(t.events.seq))
      .limit(batchSize)
      .all();
    yield* batch;
    const last = batch.at(-1);
    if (!last) return;
    after = last.seq;
  }
}

export type ChainCheck =
  | { readonly ok: true; readonly records: number }
  | { readonly ok: false; readonly seq: number; readonly reason: string };

/** A record known to close an intact chain: where the next check may start. */
export interface ChainPoint {
  readonly seq: number;
  readonly hash: string;
}

export const CHAIN_START: ChainPoint = { seq: 0, hash: GENESIS };

export interface ChainWalk {
  readonly check: ChainCheck;
  /** The last record verified: the next walk may start there. */
  readonly reached: ChainPoint;
  /** False when the walk stopped at its row budget before the end of the journal. */
  readonly done: boolean;
}

const modified = (seq: number): ChainCheck => ({
  ok: false,
  seq,
  reason: `enregistrement n° ${seq} modifié, déplacé ou précédé d’une suppression`,
});

/**
 * Verifies the records after `from` (at most `budget` of them), `from` itself being a record an earlier walk
 * found intact: it must still hold the hash it had then. Names the first record that is not what was written.
 */
export function walkJournal(
  db: Db,
  from: ChainPoint,
  sqliteSequence: number | null,
  budget = Number.POSITIVE_INFINITY,
): ChainWalk {
  const stop = (check: ChainCheck): ChainWalk => ({ check, reached: from, done: true });
  if (from.seq > 0) {
    // The intact point's own record must still hash, from its predecessor's link, to what it did then.
    const [before, anchor] = db
      .select()
      .from(t.events)
      .where(between(t.events.seq, from.seq - 1, from.seq))
      .orderBy(asc(t.events.seq))
      .all()
      .slice(-2);
    if (anchor?.seq !== from.seq) {
      return stop({ ok: false, seq: from.seq, reason: `enregistrement n° ${from.seq} supprimé` });
    }
    const previousHash = from.seq === 1 ? GENESIS : before?.seq === from.seq - 1 ? (before.hash ?? '') : '';
    if (chainHash(previousHash, anchor) !== from.hash) return stop(modified(from.seq));
  }
  let previous = from.hash;
  let expectedSeq = from.seq + 1;
  let walked = 0;
  for (const row of rowsAfter(db, from.seq, Math.min(5000, budget))) {
    if (walked === budget) {
      const reached = { seq: expectedSeq - 1, hash: previous };
      return { check: { ok: true, records: reached.seq }, reached, done: false };
    }
    if (row.seq !== expectedSeq) {
      return stop({ ok: false, seq: expectedSeq, reason: `enregistrement n° ${expectedSeq} supprimé` });
    }
    const hash = chainHash(previous, row);
    if (row.hash !== hash) return stop(modified(row.seq));
    previous = hash;
    expectedSeq += 1;
    walked += 1;
  }
  const records = expectedSeq - 1;
  if (sqliteSequence !== null && sqliteSequence > records) {
    return stop({
      ok: false,
      seq: records + 1,
      reason:
        sqliteSequence === records + 1
          ? `enregistrement n° ${sqliteSequence} supprimé`
          : `enregistrements n° ${records + 1} à ${sqliteSequence} supprimés`,
    });
  }
  return { check: { ok: true, records }, reached: { seq: records, hash: previous }, done: true };
}

/** Walks the whole journal; names the first record that is not what was written. */
export function verifyJournal(db: Db, sqliteSequence: number | null): ChainCheck {
  return walkJournal(db, CHAIN_START, sqliteSequence).check;
}
