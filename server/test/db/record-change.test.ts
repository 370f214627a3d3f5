/** recordChange journals inside the caller's transaction and publishes only what was committed. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalEntry } from '@gfa/shared';
import { readSetting, writeSetting } from '../../src/db/settings-store.js';
import { databaseFile, openDatabase, type Db, type OpenDatabase } from '../../src/db/database.js';
import { entriesSince } from '../../src/db/journal-store.js';
import { onConfigurationChange, recordChange } from '../../src/db/record-change.js';
import { afterCommit, writeTransaction, type Tx } from '../../src/db/tx.js';

const AT = Date.UTC(2026, 11, 1, 8, 0);
const admin = { kind: 'user', id: 'u-admin' } as const;
const opened: OpenDatabase[] = [];
afterEach(() => opened.splice(0).forEach((h) => h.close()));

/** A database and what its change listener saw, with whether a transaction was still open then. */
function watched() {
  const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-change-'))));
  opened.push(handle);
  const seen: { entry: JournalEntry; inTransaction: boolean; speech: unknown }[] = [];
  onConfigurationChange(handle.db, (entry) =>
    seen.push({
      entry,
      inTransaction: handle.sqlite.inTransaction,
      speech: readSetting(handle.db, 'display').speech,
    }),
  );
  return { handle, db: handle.db, seen };
}
const speechOn = (tx: Tx) => {
  writeSetting(tx, 'display', { ...readSetting(tx, 'display'), speech: true });
  return recordChange(tx, {
    at: AT,
    actor: admin,
    subject: 'display-settings',
    before: { speech: false },
    after: { speech: true },
  });
};

describe('recordChange', () => {
  it('appends one config.changed entry in the transaction, published once after the commit', () => {
    const { db, seen } = watched();
    const entry = writeTransaction(db, (tx) => {
      const recorded = speechOn(tx);
      expect(seen).toEqual([]);
      return recorded;
    });
    expect(entriesSince(db, 0)).toEqual([entry]);
    expect(entry).toMatchObject({
      type: 'config.changed',
      at: AT,
      actor: admin,
      data: { subject: 'display-settings', before: { speech: false }, after: { speech: true } },
    });
    expect(seen).toEqual([{ entry, inTransaction: false, speech: true }]);
  });

  it('keeps the detail beside before/after', () => {
    const { db } = watched();
    const entry = writeTransaction(db, (tx) =>
      recordChange(tx, {
        at: AT,
        actor: admin,
        subject: 'data-settings',
        before: 1,
        after: 2,
        detail: { confirmed: true },
      }),
    );
    expect(entry.data).toEqual({ subject: 'data-settings', before: 1, after: 2, confirmed: true });
  });

  it('a rolled-back transaction journals and publishes nothing', () => {
    const { db, seen } = watched();
    expect(() =>
      writeTransaction(db, (tx) => {
        speechOn(tx);
        throw new Error('refused after the write');
      }),
    ).toThrow('refused after the write');
    expect(entriesSince(db, 0)).toEqual([]);
    expect(readSetting(db, 'display').speech).toBe(false);
    expect(seen).toEqual([]);
  });

  it('inside a savepoint: published after the outer commit, dropped with a rolled-back savepoint', () => {
    const { db, seen } = watched();
    writeTransaction(db, (tx) => {
      writeTransaction(tx, speechOn);
      expect(() =>
        writeTransaction(tx, (inner) => {
          speechOn(inner);
          throw new Error('inner refusal');
        }),
      ).toThrow('inner refusal');
      expect(seen).toEqual([]);
    });
    expect(entriesSince(db, 0)).toHaveLength(1);
    expect(seen.map((s) => s.entry.seq)).toEqual(entriesSince(db, 0).map((e) => e.seq));
  });

  it('afterCommit refuses a handle writeTransaction did not open', () => {
    const { db } = watched();
    const unbranded = (handle: Db) => afterCommit(handle as Tx, () => undefined);
    expect(() => db.transaction((raw) => unbranded(raw))).toThrow(
      'afterCommit called with a handle writeTransaction did not open',
    );
  });
});
