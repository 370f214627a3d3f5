/** The `gfa` command as a real child process against temp data directories. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { knownSchemaVersion } from '../../src/db/database.js';
import { startServerProcess } from '../integration/support/server-process.js';
import { apiClient } from '../integration/support/https-client.js';

const bin = resolve(import.meta.dirname, '../../bin/gfa.mjs');
const gfa = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 60_000 });
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'gfa-cli-'));
interface EventRow {
  type: string;
  actor_kind: string;
  actor_id: string;
  data: string;
}
const lastEntry = (db: Database.Database): EventRow =>
  db
    .prepare('select type, actor_kind, actor_id, data from events order by seq desc limit 1')
    .get() as EventRow;

// Each case starts several child processes that load the sources through tsx: seconds each on a busy machine.
describe('gfa', { timeout: 90_000 }, () => {
  it('migrate applies the schema and prints its version', () => {
    const dir = tempDir();
    const run = gfa(['migrate', '--data-dir', dir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`schéma version ${knownSchemaVersion()}`);
  });

  it('user add reads the password from stdin and stores an argon2id hash, never the password', () => {
    const dir = tempDir();
    const run = gfa(
      ['user', 'add', '--data-dir', dir, '--login', 'chef', '--role', 'administrator', '--password-stdin'],
      'Secret-2026!\n',
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const db = new Database(join(dir, 'gfa.sqlite'), { readonly: true });
    const row = db.prepare('select id, password_hash, roles from users where login = ?').get('chef') as {
      id: string;
      password_hash: string;
      roles: string;
    };
    // The account's creation is in the audit journal, traced to the console, with no password in it.
    const entry = lastEntry(db);
    db.close();
    expect(entry).toMatchObject({ type: 'user.created', actor_kind: 'system', actor_id: 'cli' });
    expect(JSON.parse(entry.data)).toEqual({
      userId: row.id,
      login: 'chef',
      roles: ['user', 'administrator', 'supervisor'],
    });
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect(row.password_hash).not.toContain('Secret-2026!');
    expect(JSON.parse(row.roles)).toEqual(['user', 'administrator', 'supervisor']);
  });

  it('refuses a duplicate login, an unknown role and a weak password (the screens’ rule), in French', () => {
    const dir = tempDir();
    gfa(['user', 'add', '--data-dir', dir, '--login', 'chef', '--password-stdin'], 'Secret-2026!');
    const duplicate = gfa(
      ['user', 'add', '--data-dir', dir, '--login', 'chef', '--password-stdin'],
      'Secret-2026!',
    );
    expect(duplicate.status).toBe(1);
    expect(duplicate.stderr).toContain('« chef » existe déjà');
    const role = gfa(
      ['user', 'add', '--data-dir', dir, '--login', 'x', '--role', 'boss', '--password-stdin'],
      'Secret-2026!',
    );
    expect(role.stderr).toContain('Rôle inconnu : boss');
    const short = gfa(['user', 'add', '--data-dir', dir, '--login', 'y', '--password-stdin'], 'abc');
    expect(short.stderr).toContain('Le mot de passe doit comporter au moins 12 caractères.');
    // The screens' rule, not only a length: twelve lower-case letters and digits are refused too.
    const plain = gfa(['user', 'add', '--data-dir', dir, '--login', 'z', '--password-stdin'], 'motdepasse12');
    expect(plain.status).toBe(1);
    expect(plain.stderr).toContain('au moins trois types de caractères');
  });

  it('device add prints a token that opens a device session', async () => {
    const dir = tempDir();
    const run = gfa(['device', 'add', '--data-dir', dir, '--kind', 'display', '--name', 'TV salle 1']);
    expect(run.status).toBe(0);
    const token = /Jeton \(affiché une seule fois\) : (\S+)/.exec(run.stdout)?.[1] ?? '';
    const db = new Database(join(dir, 'gfa.sqlite'), { readonly: true });
    const device = db.prepare('select id from devices where name = ?').get('TV salle 1') as { id: string };
    const entry = lastEntry(db);
    db.close();
    expect(entry).toMatchObject({ type: 'device.created', actor_kind: 'system', actor_id: 'cli' });
    // The token is never journaled: only what the device is.
    expect(JSON.parse(entry.data)).toEqual({ deviceId: device.id, kind: 'display', name: 'TV salle 1' });
    expect(entry.data).not.toContain(token);
    const server = await startServerProcess(dir);
    const client = apiClient(server.url, server.ca);
    const res = await client.call<{ principal: { kind: string; deviceKind: string } }>(
      'POST',
      '/api/session',
      { deviceToken: token },
    );
    expect(res.body.principal).toMatchObject({ kind: 'device', deviceKind: 'display' });
    await client.close();
    await server.stop();
  });

  it('serve --demo answers /api/health over HTTPS and stops on SIGTERM', async () => {
    const dir = tempDir();
    const server = await startServerProcess(dir, ['--demo']);
    await server.waitForOutput('Centre de démonstration : 80 rendez-vous');
    expect(server.output()).toMatch(/Jeton borne : \S+/);
    const client = apiClient(server.url, server.ca);
    const health = await client.call('GET', '/api/health');
    expect(health).toEqual({ status: 200, body: { status: 'ok', version: expect.any(String) } });
    await client.close();
    await server.stop('SIGTERM');
    expect(server.child.exitCode).toBe(0);
  });

  it('import prints a line-by-line report and a bad file exits 2, importing nothing', () => {
    const dir = tempDir();
    gfa(['migrate', '--data-dir', dir]);
    const fixtures = resolve(import.meta.dirname, '../import/fixtures');
    const bad = gfa(['import', join(fixtures, 'bad-date.csv'), '--data-dir', dir]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toContain('ligne 2, colonne « Motif » : Motif inconnu : « EPS ».');
    expect(bad.stdout).toContain("Rien n'a été importé");
    const missing = gfa(['import', join(fixtures, 'nope.csv'), '--data-dir', dir]);
    expect(missing.stderr).toContain('Fichier introuvable');
  });

  it('backup then restore through the CLI; a wrong passphrase restores nothing', () => {
    const dir = tempDir();
    gfa(['user', 'add', '--data-dir', dir, '--login', 'chef', '--password-stdin'], 'Secret-2026!');
    const made = gfa(['backup', '--data-dir', dir, '--passphrase-stdin'], 'phrase de passe du CES');
    expect(made.status).toBe(0);
    const file = /Sauvegarde chiffrée : (\S+)/.exec(made.stdout)?.[1] ?? '';
    const target = tempDir();
    const wrong = gfa(
      ['restore', file, '--data-dir', target, '--passphrase-stdin'],
      'mauvaise phrase de passe',
    );
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('Phrase de passe incorrecte');
    const ok = gfa(['restore', file, '--data-dir', target, '--passphrase-stdin'], 'phrase de passe du CES');
    expect(ok.status).toBe(0);
    const db = new Database(join(target, 'gfa.sqlite'), { readonly: true });
    expect(db.prepare('select login from users').all()).toEqual([{ login: 'chef' }]);
    // Each action is in the audit journal of its database, and the restored chain still holds.
    const lastType = (d: Database.Database) =>
      (d.prepare('select type from events order by seq desc limit 1').get() as { type: string }).type;
    expect(lastType(db)).toBe('backup.restored');
    db.close();
    const source = new Database(join(dir, 'gfa.sqlite'), { readonly: true });
    expect(lastType(source)).toBe('backup.created');
    source.close();
    expect(gfa(['audit', 'verify', '--data-dir', target]).stdout).toContain('Journal d’audit intègre');
  });

  it('export writes the statistics workbook, and one CSV per table', () => {
    const dir = tempDir();
    gfa(['migrate', '--data-dir', dir]);
    const xlsx = join(dir, 'stats.xlsx');
    const run = gfa([
      'export',
      '--data-dir',
      dir,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--format',
      'xlsx',
      '--out',
      xlsx,
    ]);
    expect(run.stdout).toContain(`Statistiques du 2026-11-01 au 2026-11-30 : ${xlsx}`);
    const csv = gfa([
      'export',
      '--data-dir',
      dir,
      '--from',
      '2026-11-01',
      '--to',
      '2026-11-30',
      '--format',
      'csv',
      '--out',
      join(dir, 'csv'),
    ]);
    expect(
      csv.stdout
        .trim()
        .split('\n')
        .map((l) => l.split('/').at(-1)),
    ).toEqual(['par-professionnel.csv', 'par-profession.csv', 'par-motif.csv', 'ensemble.csv']);
    const bad = gfa([
      'export',
      '--data-dir',
      dir,
      '--from',
      '01/11/2026',
      '--to',
      '2026-11-30',
      '--out',
      xlsx,
    ]);
    expect(bad.stderr).toContain('Date invalide : 01/11/2026');
    const all = gfa(['export', '--data-dir', dir, '--all', '--out', join(dir, 'tout.zip')]);
    expect(all.stdout).toContain('Export complet (toutes les tables, CSV et XLSX)');
    expect(readFileSync(join(dir, 'tout.zip')).subarray(0, 2).toString()).toBe('PK');
  });

  it('a database from a newer GFA is refused with a clear message', () => {
    const dir = tempDir();
    gfa(['migrate', '--data-dir', dir]);
    const db = new Database(join(dir, 'gfa.sqlite'));
    db.pragma('user_version = 99');
    db.close();
    const run = gfa(['migrate', '--data-dir', dir]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('version plus récente de GFA');
  });
});
