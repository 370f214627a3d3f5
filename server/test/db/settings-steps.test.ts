/**
 * Settings steps (issue 16, item 2): run at start by `openDatabase` right after the SQL migrations, once per
 * file, recorded in `settings_migrations`; a failing step leaves the database as it was. The first step replaces
 * the `journal.chainSealed` flag: it seals a journal written before the hash chain, and only such a journal.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { verifyJournal } from '../../src/db/journal-chain.js';
import { SettingsStepError } from '../../src/db/settings-migrator.js';
import { SETTINGS_STEPS, type SettingsStep } from '../../src/db/settings-steps.js';
import { readSetting, writeSetting } from '../../src/db/settings-store.js';
import { appendLogins } from './support/append-logins.js';

const opened: OpenDatabase[] = [];
const open = (file: string, steps?: readonly SettingsStep[]): OpenDatabase => {
  const handle = openDatabase(file, undefined, steps);
  opened.push(handle);
  return handle;
};
const close = (handle: OpenDatabase): void => {
  handle.close();
  opened.splice(opened.indexOf(handle), 1);
};
afterEach(() => opened.splice(0).forEach((h) => h.close()));

const newFile = (): string => databaseFile(mkdtempSync(join(tmpdir(), 'gfa-steps-')));
const recorded = (handle: OpenDatabase): string[] =>
  (
    handle.sqlite.prepare('select name from settings_migrations order by name').all() as { name: string }[]
  ).map((r) => r.name);
const sequence = (handle: OpenDatabase): number | null =>
  (
    handle.sqlite.prepare("select seq from sqlite_sequence where name = 'events'").get() as
      { seq: number } | undefined
  )?.seq ?? null;
describe('settings steps', () => {
  it('run once per file, at start, and are recorded', () => {
    const file = newFile();
    let runs = 0;
    const step: SettingsStep = {
      name: '9001_policy_wait_doubled',
      run: (tx) => {
        runs += 1;
        const policy = readSetting(tx, 'policy');
        writeSetting(tx, 'policy', { ...policy, maxWaitMinutes: policy.maxWaitMinutes * 2 });
      },
    };
    const first = open(file, [...SETTINGS_STEPS, step]);
    expect(recorded(first)).toEqual(['0001_seal_journal', '9001_policy_wait_doubled']);
    expect(readSetting(first.db, 'policy').maxWaitMinutes).toBe(90);
    close(first);
    const again = open(file, [...SETTINGS_STEPS, step]);
    expect(runs).toBe(1);
    expect(readSetting(again.db, 'policy').maxWaitMinutes).toBe(90);
  });

  it('a failing step leaves the database unchanged and the server does not start on it', () => {
    const file = newFile();
    const before = open(file);
    writeSetting(before.db, 'policy', { maxWaitMinutes: 30, autoAssign: true });
    close(before);
    const writesThenFails: SettingsStep = {
      name: '9002_broken',
      run: (tx) => {
        writeSetting(tx, 'policy', { maxWaitMinutes: 60, autoAssign: false });
        throw new Error('shape not understood');
      },
    };
    const passes: SettingsStep = {
      name: '9001_passes',
      run: (tx) => writeSetting(tx, 'display', { speech: true, nameFormat: 'initial' }),
    };
    let failure: unknown;
    try {
      open(file, [...SETTINGS_STEPS, passes, writesThenFails]);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(SettingsStepError);
    expect((failure as SettingsStepError).message).toBe(
      'settings step 9002_broken failed: shape not understood',
    );
    expect((failure as SettingsStepError).userMessage).toContain(
      'la base de données est restée telle quelle',
    );
    const after = open(file);
    expect(readSetting(after.db, 'policy')).toEqual({ maxWaitMinutes: 30, autoAssign: true });
    expect(readSetting(after.db, 'display')).toEqual({ speech: false, nameFormat: 'civility' });
    expect(recorded(after)).toEqual(['0001_seal_journal']);
  });
});

describe('0001_seal_journal (was the journal.chainSealed flag)', () => {
  /** A file as a version before the hash chain left it: records without hash, no step recorded. */
  const legacyFile = (records: number, flagged: boolean): string => {
    const file = newFile();
    const handle = open(file);
    appendLogins(handle, records);
    handle.sqlite.exec('update events set hash = null; delete from settings_migrations');
    if (flagged)
      handle.sqlite.prepare("insert into settings (key, value) values ('journal.chainSealed', 'true')").run();
    close(handle);
    return file;
  };

  it('chains a journal written before the chain existed, once', () => {
    const handle = open(legacyFile(4, false));
    expect(verifyJournal(handle.db, sequence(handle))).toEqual({ ok: true, records: 4 });
    expect(recorded(handle)).toEqual(['0001_seal_journal']);
    // Sealed once: a hash wiped out afterwards is a break, not something to seal again.
    handle.sqlite.exec('update events set hash = null where seq = 3');
    const file = handle.sqlite.name;
    close(handle);
    const again = open(file);
    expect(verifyJournal(again.db, sequence(again))).toMatchObject({ ok: false, seq: 3 });
  });

  it('takes over the flag of a journal an earlier version sealed, without sealing it again', () => {
    const handle = open(legacyFile(3, true));
    expect(verifyJournal(handle.db, sequence(handle))).toMatchObject({ ok: false, seq: 1 });
    expect(
      handle.sqlite.prepare("select count(*) as n from settings where key = 'journal.chainSealed'").get(),
    ).toEqual({ n: 0 });
    expect(recorded(handle)).toEqual(['0001_seal_journal']);
  });
});
