/**
 * The journal is the audit trail, and it is hash-chained: each record's hash
 * covers the previous record's hash and its own content, so altering,
 * removing or reordering any record breaks the chain from that record on;
 * removing the last records shows against SQLite's own AUTOINCREMENT counter.
 */
import { createHash } from 'node:crypto';
import { asc, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import { getSetting, setSetting } from './config-store.js';
import type { Db } from './db-handle.js';
import * as t from './schema.js';

type EventRow = typeof t.events.$inferSelect;
export const GENESIS = '0'.repeat(64);
const SEALED = 'journal.chainSealed';

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

export function lastHash(db: Db): string {
  return db.select({ hash: t.events.hash }).from(t.events).orderBy(desc(t.events.seq)).get()?.hash ?? GENESIS;
}

/**
 * Chains the records written before the chain existed (a database from an
 * earlier version), once: afterwards a record without hash is a broken chain,
 * not something to seal.
 */
export function sealJournal(db: Db): number {
  if (getSetting(db, SEALED, false)) return 0;
  setSetting(db, SEALED, true);
  const unsealed = db.select().from(t.events).where(isNull(t.events.hash)).orderBy(asc(t.events.seq)).all();
  const first = unsealed[0];
  if (!first) return 0;
  db.transaction((tx) => {
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
  });
  return unsealed.length;
}

/** Years of journal, in batches: never the whole table in memory. */
function* rowsInOrder(db: Db): Generator<EventRow> {
  let after = 0;
  for (;;) {
    const batch = db
      .select()
      .from(t.events)
      .where(gt(t.events.seq, after))
      .orderBy(asc(t.events.seq))
      .limit(5000)
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

/** Walks the whole journal; names the first record that is not what was written. */
export function verifyJournal(db: Db, sqliteSequence: number | null): ChainCheck {
  let previous = GENESIS;
  let expectedSeq = 1;
  let records = 0;
  for (const row of rowsInOrder(db)) {
    if (row.seq !== expectedSeq) {
      return { ok: false, seq: expectedSeq, reason: `enregistrement n° ${expectedSeq} supprimé` };
    }
    const hash = chainHash(previous, row);
    if (row.hash !== hash) {
      return {
        ok: false,
        seq: row.seq,
        reason: `enregistrement n° ${row.seq} modifié, déplacé ou précédé d’une suppression`,
      };
    }
    previous = hash;
    expectedSeq += 1;
    records += 1;
  }
  if (sqliteSequence !== null && sqliteSequence > records) {
    return {
      ok: false,
      seq: records + 1,
      reason:
        sqliteSequence === records + 1
          ? `enregistrement n° ${sqliteSequence} supprimé`
          : `enregistrements n° ${records + 1} à ${sqliteSequence} supprimés`,
    };
  }
  return { ok: true, records };
}
