/** Appends a non-queue entry (login, configuration change, acknowledgement...) to the journal. */
import type { JournalEntry } from '@gfa/shared';
import type { Db } from '../db/database.js';
import { appendEntry } from '../db/journal-store.js';

export function appendAudit(
  db: Db,
  at: number,
  type: JournalEntry['type'],
  actor: JournalEntry['actor'],
  data: Record<string, unknown> = {},
  visitId: string | null = null,
): JournalEntry {
  const entry = { type, at, actor, visitId, stepId: null, professionalId: null, data };
  return { ...entry, seq: appendEntry(db, entry) };
}
