/**
 * Issue 18: the server's timers write too — a scheduled job journals its run, the session sweep
 * deletes expired sessions. While an import worker commits (it holds SQLite's write lock, after
 * the main thread gave it its turn), such a write must wait for the turn's end asynchronously,
 * as the write routes do, instead of sleeping the event loop on the lock (busy_timeout, 5 s).
 */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { createSession } from '../../src/db/staff-store.js';
import { holdWrites, importCommitted } from '../../src/import/commit-turn.js';
import { JobRegistry } from '../../src/jobs/job-registry.js';
import { startSessionSweep } from '../../src/security/session-sweep.js';

const NOW = Date.UTC(2026, 11, 1, 8, 0);
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const handle of opened.splice(0)) handle.close();
});

/** The server's database, and another connection standing for the import worker in its commit. */
function databaseWithWorker(): { handle: OpenDatabase; worker: Database.Database } {
  const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-write-turn-'))));
  const worker = new Database(handle.sqlite.name);
  opened.push(worker, handle);
  return { handle, worker };
}

/** The longest gap a 5 ms timer saw while `work` ran: the event loop's worst stall. */
async function worstLoopGap<T>(work: () => Promise<T>): Promise<{ result: T; gap: number }> {
  let last = performance.now();
  let gap = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    gap = Math.max(gap, now - last);
    last = now;
  }, 5);
  try {
    return { result: await work(), gap };
  } finally {
    clearInterval(probe);
  }
}

/** The worker's commit: it takes the lock under its turn, holds it `ms`, then commits and ends the turn. */
function commitDuring(handle: OpenDatabase, worker: Database.Database, ms: number): Promise<void> {
  const release = holdWrites(handle.sqlite.name);
  worker.prepare('begin immediate').run();
  return new Promise((done) =>
    setTimeout(() => {
      worker.prepare('commit').run();
      release();
      done();
    }, ms),
  );
}

const journalled = (handle: OpenDatabase, type: string): number =>
  (handle.sqlite.prepare('select count(*) as n from events where type = ?').get(type) as { n: number }).n;

describe('timer writes during an import commit', () => {
  it('a job journals its run after the commit, the event loop free meanwhile', async () => {
    const { handle, worker } = databaseWithWorker();
    const registry = new JobRegistry(
      handle.db,
      () => NOW,
      [
        {
          id: 'backup',
          label: 'Sauvegarde',
          times: () => [],
          notReady: () => null,
          run: async () => ({ summary: 'ok', counts: {} }),
        },
      ],
      () => importCommitted(handle.sqlite.name),
    );
    const commit = commitDuring(handle, worker, 400);
    const { result, gap } = await worstLoopGap(async () => {
      const status = await registry.run('backup', 'manual');
      await commit;
      return status;
    });
    expect(result.lastRun?.ok).toBe(true);
    expect(journalled(handle, 'job.completed')).toBe(1);
    expect(gap).toBeLessThan(100);
  });

  it('the session sweep deletes after the commit, the event loop free meanwhile', async () => {
    const { handle, worker } = databaseWithWorker();
    createSession(handle.db, {
      tokenHash: 'expired',
      principalKind: 'user',
      principalId: 'u1',
      createdAt: NOW - 7_200_000,
      expiresAt: NOW - 3_600_000,
      lastSeenAt: null,
    });
    const commit = commitDuring(handle, worker, 400);
    const { gap } = await worstLoopGap(async () => {
      const stop = startSessionSweep(
        handle.db,
        () => NOW,
        3_600_000,
        () => importCommitted(handle.sqlite.name),
      );
      opened.push({ close: stop });
      await commit;
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    const left = handle.sqlite.prepare('select count(*) as n from sessions').get() as { n: number };
    expect(left.n).toBe(0);
    expect(gap).toBeLessThan(100);
  });
});
