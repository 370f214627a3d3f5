/** The append-only event journal. */
import { asc, between, desc, gt, inArray, sql } from 'drizzle-orm';
import type { JournalEntry } from '@gfa/shared';
import { clientOf, type Db } from './db-handle.js';
import { chainHash, lastHash } from './journal-chain.js';
import { rowWriter } from './row-writer.js';
import * as t from './schema.js';

export type NewJournalEntry = Omit<JournalEntry, 'seq'>;

// Every state change appends here: a plain prepared statement (`row-writer.ts`).
const EVENTS = rowWriter(t.events);

/** Appends one record, chained to the previous one (see journal-chain.ts). */
export function appendEntry(db: Db, entry: NewJournalEntry): number {
  const content = {
    at: entry.at,
    type: entry.type,
    actorKind: entry.actor.kind,
    actorId: entry.actor.id,
    visitId: entry.visitId,
    stepId: entry.stepId,
    professionalId: entry.professionalId,
    data: entry.data,
  };
  // The last hash is read under the write lock (the caller's IMMEDIATE transaction, or one opened
  // here): no other writer, in this process or another, can append between read and insert.
  const append = () =>
    Number(
      EVENTS.write(db, { seq: null, ...content, hash: chainHash(lastHash(db), content) }).lastInsertRowid,
    );
  // Already inside a transaction (every live action): it holds the lock, and one statement is atomic.
  return clientOf(db).inTransaction ? append() : db.transaction(append);
}

export function toEntry(row: typeof t.events.$inferSelect): JournalEntry {
  return {
    seq: row.seq,
    type: row.type as JournalEntry['type'],
    at: row.at,
    actor: { kind: row.actorKind as JournalEntry['actor']['kind'], id: row.actorId },
    visitId: row.visitId,
    stepId: row.stepId,
    professionalId: row.professionalId,
    data: row.data,
  };
}

export function entriesSince(db: Db, seq: number, limit = 10_000): JournalEntry[] {
  return db
    .select()
    .from(t.events)
    .where(gt(t.events.seq, seq))
    .orderBy(asc(t.events.seq))
    .limit(limit)
    .all()
    .map(toEntry);
}

export function lastSeq(db: Db): number {
  const row = db
    .select({ seq: sql<number>`coalesce(max(${t.events.seq}), 0)` })
    .from(t.events)
    .get();
  return row?.seq ?? 0;
}

/** Journal entries between two instants (inclusive), in order. */
export function entriesBetween(db: Db, from: number, to: number): JournalEntry[] {
  return db
    .select()
    .from(t.events)
    .where(between(t.events.at, from, to))
    .orderBy(asc(t.events.seq))
    .all()
    .map(toEntry);
}

/** The latest entries of the given types, newest first. */
export function latestEntriesOf(
  db: Db,
  types: readonly JournalEntry['type'][],
  limit: number,
): JournalEntry[] {
  return db
    .select()
    .from(t.events)
    .where(inArray(t.events.type, [...types]))
    .orderBy(desc(t.events.seq))
    .limit(limit)
    .all()
    .map(toEntry);
}
