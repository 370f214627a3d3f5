/** Fills a real journal with `count` login records, in one transaction: what the chain tests walk. */
import type { OpenDatabase } from '../../../src/db/database.js';
import { appendEntry } from '../../../src/db/journal-store.js';

export const appendLogins = (handle: OpenDatabase, count: number): void =>
  handle.sqlite.transaction(() => {
    for (let i = 0; i < count; i += 1)
      appendEntry(handle.db, {
        type: 'auth.login',
        at: 1_780_000_000_000 + i,
        actor: { kind: 'user', id: 'u1' },
        visitId: null,
        stepId: null,
        professionalId: null,
        data: { i },
      });
  })();
