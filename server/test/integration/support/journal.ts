/** Reads a running test server's journal through a second connection to its database file. */
import type { JournalEntry } from '@gfa/shared';
import { databaseFile, openDatabase } from '../../../src/db/database.js';
import { entriesBetween } from '../../../src/db/journal-store.js';

export function readJournal(dataDir: string): JournalEntry[] {
  const handle = openDatabase(databaseFile(dataDir));
  try {
    return entriesBetween(handle.db, 0, Number.MAX_SAFE_INTEGER);
  } finally {
    handle.close();
  }
}
