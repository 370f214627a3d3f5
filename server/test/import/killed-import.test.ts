/**
 * Issue 18, task 1: every state change is one SQLite transaction that also journals it. A
 * `gfa import` of 40,000 rows killed at any moment leaves the database holding either the whole
 * import with its `import.completed` entry, or nothing of it — never a partial import without
 * its journal entry. Real SQLite file, real child process killed with SIGKILL.
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFile, openDatabase } from '../../src/db/database.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { largeAgendaCsv } from './fixtures/large-agenda.js';

const bin = resolve(import.meta.dirname, '../../bin/gfa.mjs');
const ROWS = 40_000;

interface Stored {
  readonly appointments: number;
  readonly journaled: number;
}

const stored = (file: string): Stored => {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const count = (sql: string): number => (sqlite.prepare(sql).pluck().get() as number) ?? 0;
    return {
      appointments: count(`select count(*) from appointments where external_id like 'KILL-%'`),
      journaled: count(`select count(*) from events where type = 'import.completed'`),
    };
  } finally {
    sqlite.close();
  }
};

/**
 * `gfa import` of the file, killed once `kill` says so (polled every few milliseconds against
 * the database, from another connection) or when it ends on its own.
 */
function importUntil(dataDir: string, csv: string, kill: (elapsedMs: number) => boolean) {
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'import', csv, '--data-dir', dataDir], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += String(chunk)));
  const timer = setInterval(() => {
    if (kill(performance.now() - started)) child.kill('SIGKILL');
  }, 2);
  return new Promise<{ ms: number; killed: boolean; stderr: string }>((done) =>
    child.once('exit', (_code, signal) => {
      clearInterval(timer);
      done({ ms: performance.now() - started, killed: signal === 'SIGKILL', stderr });
    }),
  );
}

describe('a killed 40,000-row import', () => {
  it('leaves all of it with its journal entry, or none of it', async () => {
    const seeded = mkdtempSync(join(tmpdir(), 'gfa-killed-import-'));
    const handle = openDatabase(databaseFile(seeded));
    await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
    handle.close();
    const csv = join(seeded, 'agenda-annuel.csv');
    writeFileSync(csv, largeAgendaCsv(ROWS, '2027-01-04', 'KILL'));
    /** A fresh copy of the seeded database for each run. */
    const fresh = (): { dataDir: string; file: string } => {
      const dataDir = mkdtempSync(join(tmpdir(), 'gfa-killed-import-run-'));
      copyFileSync(databaseFile(seeded), databaseFile(dataDir));
      return { dataDir, file: databaseFile(dataDir) };
    };
    const allOrNothing = (seen: Stored, what: string) => {
      expect([0, ROWS], what).toContain(seen.appointments);
      expect(seen.journaled, what).toBe(seen.appointments === ROWS ? 1 : 0);
    };

    // Killed the moment the first of its rows can be seen from another connection: had the
    // commit been cut in several transactions, the rest of the file would still be on its way.
    const first = fresh();
    const run = await importUntil(first.dataDir, csv, () => stored(first.file).appointments > 0);
    allOrNothing(stored(first.file), `killed at first sight (${run.stderr})`);
    // Then at shares of a complete run's length.
    const whole = fresh();
    const full = await importUntil(whole.dataDir, csv, () => false);
    expect(stored(whole.file), full.stderr).toEqual({ appointments: ROWS, journaled: 1 });
    for (const share of [0.7, 0.85, 0.95]) {
      const { dataDir, file } = fresh();
      const cut = await importUntil(dataDir, csv, (elapsed) => elapsed >= full.ms * share);
      allOrNothing(stored(file), `${cut.killed ? 'killed' : 'ended'} at ${share} of ${full.ms} ms`);
    }
  }, 600_000);
});
