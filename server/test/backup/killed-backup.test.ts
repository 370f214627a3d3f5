/**
 * Issue 13, item 8: a `gfa backup` killed at any moment leaves no plaintext copy of the database
 * anywhere — not in the temp folder, not in the data directory, not beside the backups — and a
 * plaintext copy left by an earlier version in the temp folder is removed by the next backup.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../src/db/database.js';

const bin = resolve(import.meta.dirname, '../../bin/gfa.mjs');
const PASSPHRASE = 'phrase-de-passe-des-sauvegardes';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0');

/** Every file under `dir` that starts like an SQLite database, except the live one. */
function plaintextCopies(dir: string, live?: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || (live && path.startsWith(live))) continue;
    const head = readFileSync(path).subarray(0, SQLITE_HEADER.length);
    if (head.equals(SQLITE_HEADER)) found.push(path);
  }
  return found;
}

/** `gfa backup` with its own temp folder; killed after `killAfterMs` unless it ends first. */
function backup(
  dataDir: string,
  temp: string,
  killAfterMs: number,
): Promise<{ ms: number; killed: boolean }> {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'backup', '--passphrase-stdin', '--data-dir', dataDir], {
    env: { ...process.env, TMPDIR: temp },
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  child.stdin.end(PASSPHRASE);
  const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  return new Promise((done) =>
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      done({ ms: performance.now() - started, killed: signal === 'SIGKILL' });
    }),
  );
}

describe('a killed backup', () => {
  it('leaves no plaintext copy of the database, whenever it is killed', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gfa-killed-backup-'));
    const temp = join(dataDir, '..', `${dataDir.split('/').pop() ?? 'x'}-tmp`);
    mkdirSync(temp);
    // A database big enough (about 40 MB) for the backup to take a while.
    const handle = openDatabase(databaseFile(dataDir));
    handle.sqlite.exec('create table filler (blob blob)');
    const insert = handle.sqlite.prepare('insert into filler values (?)');
    handle.sqlite.transaction(() => {
      for (let i = 0; i < 40; i += 1) insert.run(randomBytes(1024 * 1024));
    })();
    handle.close();
    // A plaintext copy left in the temp folder by an earlier version's crash.
    const leftover = join(temp, 'gfa-backup-4242-1764580000000.sqlite');
    writeFileSync(leftover, readFileSync(databaseFile(dataDir)).subarray(0, 8192), { mode: 0o644 });

    const full = await backup(dataDir, temp, 120_000);
    expect(full.killed).toBe(false);
    expect(plaintextCopies(temp)).toEqual([]);
    // Kill points are shares of the fastest complete run seen so far: a later run may be
    // quicker than the first (warm caches, a quieter machine), and a run that ends before its
    // kill both proves a clean finish and shortens the next kill point.
    let fastest = full.ms;
    const kills: boolean[] = [];
    for (const share of [0.5, 0.6, 0.7, 0.8, 0.9, 0.95]) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const run = await backup(dataDir, temp, fastest * share);
        expect(plaintextCopies(temp)).toEqual([]);
        expect(plaintextCopies(dataDir, databaseFile(dataDir))).toEqual([]);
        if (run.killed) {
          kills.push(true);
          break;
        }
        fastest = Math.min(fastest, run.ms);
      }
    }
    expect(kills.length).toBeGreaterThanOrEqual(4);
    const backups = readdirSync(join(dataDir, 'backups'));
    expect(backups.length).toBeGreaterThan(0);
    for (const name of backups) expect(statSync(join(dataDir, 'backups', name)).mode & 0o077).toBe(0);
  }, 300_000);
});
