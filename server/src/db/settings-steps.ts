/**
 * Settings steps: what a version must do once to the stored data when the
 * shape of a setting changes (or a one-time flag would otherwise be needed),
 * run at start by `openDatabase` right after the SQL migrations and recorded in
 * `settings_migrations` like them. Append only: a step's name is what the
 * record holds, so a step is never renamed, reordered or removed once released.
 */
import { eq } from 'drizzle-orm';
import type { Db } from './db-handle.js';
import { sealJournal } from './journal-chain.js';
import * as t from './schema.js';

export interface SettingsStep {
  readonly name: string;
  /** Runs inside the start's one transaction: throwing undoes it and the other steps of that start. */
  run(tx: Db): void;
}

/** The flag the versions before the steps kept once their journal was sealed. */
const LEGACY_SEALED_FLAG = 'journal.chainSealed';

export const SETTINGS_STEPS: readonly SettingsStep[] = [
  {
    // Chains the records written before the hash chain existed (a database from an earlier version).
    name: '0001_seal_journal',
    run: (tx) => {
      // Already sealed by an earlier version: sealing again would hide a hash wiped out since.
      const flagged = tx.delete(t.settings).where(eq(t.settings.key, LEGACY_SEALED_FLAG)).run().changes > 0;
      if (!flagged) sealJournal(tx);
    },
  },
];
