/**
 * Issue 18, task import8 item 3: the import worker's commit takes its turn with the server's own
 * writes (`commit-turn.ts`). A professional acting while a 20,000-row import commits waits for the
 * commit's end asynchronously — never meeting the worker's write lock, so never busy-waiting for it
 * on the event loop — and every action is written once: none lost, none doubled. Real SQLite
 * file, real worker thread; without the turn, this test fails with « database is locked ».
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { importCommitted } from '../../src/import/commit-turn.js';
import { importInWorker } from '../../src/import/import-in-worker.js';
import { STANDARD_PROFILE } from '../../src/import/profiles.js';
import { largeAgendaCsv } from './fixtures/large-agenda.js';

const ROWS = 20_000;
let handle: OpenDatabase;
beforeEach(async () => {
  handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-commit-turn-'))));
  await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
  // The actions' own rows: each one a write transaction of the main connection, as an action is.
  handle.sqlite.exec('create table test_actions (n integer primary key)');
});
afterEach(() => handle.close());

describe('an action during an import commit', () => {
  it('waits for the commit without blocking the event loop, and is written exactly once', async () => {
    const file = handle.sqlite.name;
    const bytes = largeAgendaCsv(ROWS, '2027-01-04', 'TURN');
    const importing = importInWorker({
      database: file,
      bytes,
      request: { file: 'agenda.csv', profile: STANDARD_PROFILE, dryRun: false },
      config: loadConfig(handle.db),
      actor: { kind: 'system', id: 'test' },
      now: Date.now(),
    });
    let done = false;
    void importing.finally(() => (done = true));
    let acted = 0;
    let heldSeen = 0;
    let longestTransaction = 0;
    const insert = handle.sqlite.prepare('insert into test_actions (n) values (?)');
    // No waiting for the lock on this connection: an action meeting the worker's write lock would fail
    // at once (SQLITE_BUSY) instead of busy-waiting — so that none fails proves that none met it.
    handle.sqlite.pragma('busy_timeout = 0');
    while (!done) {
      const held = importCommitted(file);
      if (held) {
        heldSeen += 1;
        await held;
      }
      const start = performance.now();
      handle.db.transaction(() => insert.run(acted));
      longestTransaction = Math.max(longestTransaction, performance.now() - start);
      acted += 1;
      await new Promise((r) => setTimeout(r, 2));
    }
    const outcome = await importing;
    if (!('report' in outcome) || !outcome.phases) throw new Error('import interrupted');
    console.log(
      `${acted} actions, ${heldSeen} waited for a ${outcome.phases.commitMs.toFixed(0)} ms commit; longest action transaction ${longestTransaction.toFixed(1)} ms`,
    );
    expect(outcome.report.created).toBe(ROWS);
    expect(heldSeen).toBeGreaterThan(0);
    expect(
      handle.sqlite.prepare('select count(*) as n, count(distinct n) as d from test_actions').get(),
    ).toEqual({
      n: acted,
      d: acted,
    });
    // Once the worker has ended, nothing is held any more.
    expect(importCommitted(file)).toBeUndefined();
  }, 120_000);
});
