/** Appends a non-queue entry (login, acknowledgement, export...) to the journal. */
import type { JournalEntry } from '@gfa/shared';
import type { Db } from './database.js';
import { appendEntry } from './journal-store.js';

/** Configuration changes are journaled by `recordChange` only, which also publishes them. */
export type AuditType = Exclude<JournalEntry['type'], 'config.changed'>;

/** `appendAudit` bound to a database and a clock: what the handler files journal with. */
export const auditor =
  (db: Db, now: () => number) =>
  (type: AuditType, actor: JournalEntry['actor'], data: Record<string, unknown> = {}): JournalEntry =>
    appendAudit(db, now(), type, actor, data);

export function appendAudit(
  db: Db,
  at: number,
  type: AuditType,
  actor: JournalEntry['actor'],
  data: Record<string, unknown> = {},
  visitId: string | null = null,
): JournalEntry {
  const entry = { type, at, actor, visitId, stepId: null, professionalId: null, data };
  return { ...entry, seq: appendEntry(db, entry) };
}
