import Database from 'better-sqlite3';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pruneBackups } from '../../src/backup/backups.js';
import { afterEach, describe, expect, it } from 'vitest';
import { apply } from '../../src/domain/index.js';
import {
  appointmentsOfDay,
  findByIdentity,
  findByReference,
  upsertAppointments,
} from '../../src/db/appointment-store.js';
import { nameKey } from '../../src/db/name-key.js';
import {
  getTemplateVersion,
  loadConfig,
  saveCategory,
  saveReason,
  saveSite,
  saveTemplate,
} from '../../src/db/config-store.js';
import {
  DatabaseTooNewError,
  databaseFile,
  defaultDataDir,
  knownSchemaVersion,
  openDatabase,
  type OpenDatabase,
} from '../../src/db/database.js';
import { commitTransition, loadDay } from '../../src/db/day-store.js';
import { entriesSince, lastSeq } from '../../src/db/journal-store.js';
import { createUser, findUserByLogin } from '../../src/db/staff-store.js';
import { Day, DAY, T0, appointment, staff } from '../domain/fixtures.js';

const opened: OpenDatabase[] = [];
function fresh(): { file: string; handle: OpenDatabase } {
  const file = databaseFile(mkdtempSync(join(tmpdir(), 'gfa-db-')));
  const handle = openDatabase(file);
  opened.push(handle);
  return { file, handle };
}
afterEach(() => {
  for (const h of opened.splice(0)) if (h.sqlite.open) h.close();
});

describe('database', () => {
  it('applies the committed migrations on a fresh file, in WAL mode, idempotently', () => {
    const { file, handle } = fresh();
    expect(handle.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(handle.schemaVersion).toBe(knownSchemaVersion());
    expect(handle.sqlite.pragma('user_version', { simple: true })).toBe(knownSchemaVersion());
    const tables = handle.sqlite.prepare("select name from sqlite_master where type='table'").all() as {
      name: string;
    }[];
    expect(tables.map((r) => r.name)).toEqual(
      expect.arrayContaining(['visits', 'visit_steps', 'events', 'users', 'appointments']),
    );
    handle.close();
    const again = openDatabase(file);
    opened.push(again);
    expect(again.schemaVersion).toBe(knownSchemaVersion());
  });

  it('an update copies the database before migrating it, and the copy is pruned with the backups', () => {
    // The previous release = the committed migrations minus the last one.
    const previous = mkdtempSync(join(tmpdir(), 'gfa-migrations-'));
    cpSync(resolve(import.meta.dirname, '../../drizzle'), previous, { recursive: true });
    const journalFile = join(previous, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries.pop();
    writeFileSync(journalFile, JSON.stringify(journal));
    const dataDir = mkdtempSync(join(tmpdir(), 'gfa-update-'));
    const old = openDatabase(databaseFile(dataDir), previous);
    old.sqlite
      .prepare(
        "insert into users (id, login, display_name, password_hash, roles, active, created_at) values ('u1', 'chef', 'Chef', 'x', '[]', 1, 0)",
      )
      .run();
    old.close();
    expect(existsSync(join(dataDir, 'backups'))).toBe(false);

    const updated = openDatabase(databaseFile(dataDir));
    opened.push(updated);
    expect(updated.schemaVersion).toBe(knownSchemaVersion());
    const copies = readdirSync(join(dataDir, 'backups'));
    expect(copies).toHaveLength(1);
    expect(copies[0]).toMatch(/^gfa-avant-migration-\d{8}-\d{6}\.sqlite$/);
    const copy = new Database(join(dataDir, 'backups', copies[0] as string), { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(knownSchemaVersion() - 1);
    expect(copy.prepare('select login from users').all()).toEqual([{ login: 'chef' }]);
    copy.close();
    // Opening the up-to-date file again copies nothing.
    updated.close();
    opened.push(openDatabase(databaseFile(dataDir)));
    expect(readdirSync(join(dataDir, 'backups'))).toHaveLength(1);
    // It holds names: it goes with the encrypted backups' retention.
    expect(pruneBackups(join(dataDir, 'backups'), Date.now() + 31 * 24 * 3600_000, 30)).toEqual(copies);
  });

  it('refuses a database written by a newer version, with a French message', () => {
    const { file, handle } = fresh();
    handle.close();
    const raw = new Database(file);
    raw.pragma(`user_version = ${knownSchemaVersion() + 3}`);
    raw.close();
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DatabaseTooNewError);
    expect((error as DatabaseTooNewError).userMessage).toContain('version plus récente de GFA');
  });

  it('data directory defaults: %ProgramData%\\GFA on Windows, ./data elsewhere', () => {
    expect(defaultDataDir('win32', { ProgramData: 'C:\\ProgramData' })).toContain('GFA');
    expect(defaultDataDir('linux', {})).toBe(join(process.cwd(), 'data'));
  });
});

describe('stores', () => {
  it('configuration round trip; templates keep every version', () => {
    const { handle } = fresh();
    const { db } = handle;
    saveSite(db, { id: 'site', name: 'CES' });
    saveCategory(db, { id: 'inf', code: 'infirmier', label: 'Infirmier' });
    saveReason(db, { id: 'eip', code: 'EIP', label: 'EIP', priorityClass: 1, active: true });
    const step = {
      key: 'e',
      label: 'E',
      target: { kind: 'category' as const, categoryId: 'inf' },
      estimatedMinutes: 20,
      after: [],
      optional: false,
    };
    const v1 = saveTemplate(db, 'eip', [step], T0);
    const v2 = saveTemplate(db, 'eip', [step, { ...step, key: 'f' }], T0);
    expect([v1.version, v2.version]).toEqual([1, 2]);
    createUser(db, {
      id: 'carole',
      login: 'carole',
      displayName: 'Carole',
      passwordHash: 'h',
      roles: ['user'],
      categoryIds: ['inf'],
      reasonIds: ['eip'],
      defaultRoomId: null,
      createdAt: T0,
    });
    createUser(db, {
      id: 'admin',
      login: 'admin',
      displayName: 'Admin',
      passwordHash: 'h',
      roles: ['administrator'],
      categoryIds: [],
      reasonIds: [],
      defaultRoomId: null,
      createdAt: T0,
    });
    const config = loadConfig(db);
    expect(config.templates).toEqual([{ ...v2 }]);
    expect(getTemplateVersion(db, v1.id, 1)?.steps).toHaveLength(1);
    expect(config.professionals).toEqual([
      {
        id: 'carole',
        displayName: 'Carole',
        categoryIds: ['inf'],
        reasonIds: ['eip'],
        roomId: null,
        active: true,
      },
    ]);
    expect(config.policy).toEqual({ maxWaitMinutes: 45, autoAssign: true });
    expect(findUserByLogin(db, 'admin')?.roles).toEqual(['administrator']);
  });

  it('appointment look-up ignores accents and case; reference look-up', () => {
    const { handle } = fresh();
    const { db } = handle;
    saveReason(db, { id: 'eps', code: 'EPS', label: 'EPS', priorityClass: 1, active: true });
    const a = appointment('a1', 'eps', T0);
    upsertAppointments(db, [{ ...a, identity: { ...a.identity, lastName: 'Lefèvre' } }]);
    expect(nameKey('  lefèvre  ')).toBe('LEFEVRE');
    expect(findByIdentity(db, DAY, 'LEFEVRE', '1961-04-12').map((x) => x.id)).toEqual(['a1']);
    expect(findByIdentity(db, DAY, 'lefevre', '1961-04-13')).toEqual([]);
    expect(findByReference(db, DAY, ' RDV-a1 ')?.id).toBe('a1');
    upsertAppointments(db, [{ ...a, status: 'cancelled' }]);
    expect(appointmentsOfDay(db, DAY)).toHaveLength(1);
    expect(findByReference(db, DAY, 'RDV-a1')).toBeUndefined();
  });

  it('day state round trip: steps, notes, checks, away, offer, desks; journal seq monotonic', () => {
    const { handle } = fresh();
    const { db } = handle;
    const day = new Day();
    const persist = (r: ReturnType<Day['run']>) => {
      if (!r.ok) throw new Error(r.error.detail);
      return commitTransition(db, r);
    };
    const seqs: number[] = [];
    const run = (...args: Parameters<Day['run']>) => seqs.push(...persist(day.run(...args)));
    run({ type: 'expect', appointment: appointment('a1', 'eps', T0) }, staff('system', ['user'], false));
    const id = Object.keys(day.state.visits)[0] as string;
    run({ type: 'check_in', visitId: id }, staff('sophie'));
    run(
      {
        type: 'desk',
        professionalId: 'christelle',
        action: { type: 'presence', state: 'available', roomId: 'box2' },
      },
      staff('christelle'),
    );
    run({ type: 'visit', visitId: id, action: { type: 'note', text: 'Note' } }, staff('christelle'));
    run(
      { type: 'visit', visitId: id, action: { type: 'check', kind: 'ecg', mark: 'lecture' } },
      staff('luc'),
    );
    run({ type: 'visit', visitId: id, action: { type: 'away', reason: 'collation' } }, staff('christelle'));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(loadDay(db, DAY)).toEqual(day.state);
    expect(lastSeq(db)).toBe(seqs.at(-1));
    expect(entriesSince(db, seqs[1] as number).map((e) => e.seq)).toEqual(seqs.slice(2));
  });

  it('commitTransition is atomic: a failure in extra writes nothing', () => {
    const { handle } = fresh();
    const { db } = handle;
    const day = new Day();
    let n = 0;
    const r = apply(
      day.state,
      { type: 'expect', appointment: appointment('a1', 'eps', T0) },
      {
        now: T0,
        actor: staff('sophie'),
        config: day.config,
        newId: () => `v${++n}`,
      },
    );
    if (!r.ok) throw new Error('expect failed');
    expect(() =>
      commitTransition(db, r, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(lastSeq(db)).toBe(0);
    expect(loadDay(db, DAY).visits).toEqual({});
  });
});
