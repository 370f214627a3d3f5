/**
 * While an import worker commits (its turn, `commit-turn.ts`), authenticating a request writes
 * nothing: the last-seen stamps of sessions and devices (a write every 30 s) wait for a later
 * request instead of the event loop busy-waiting for the worker's write lock. Real server in
 * process, real SQLite file, its clock driven by the test.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../src/db/database.js';
import { holdWrites } from '../../src/import/commit-turn.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';

let now = Date.parse('2026-11-24T08:00:00Z');
let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer(() => now);
});
afterAll(() => demo.close());

const stamps = (): { sessions: number[]; devices: number[] } => {
  const db = new Database(databaseFile(demo.dataDir), { readonly: true });
  try {
    const column = (sql: string) => (db.prepare(sql).pluck().all() as (number | null)[]).map((n) => n ?? 0);
    return {
      sessions: column('select last_seen_at from sessions order by token_hash'),
      devices: column('select last_seen_at from devices order by id'),
    };
  } finally {
    db.close();
  }
};

describe('authentication during an import commit', () => {
  it('leaves the last-seen stamps for the next request once the commit has ended', async () => {
    const christelle = await demo.login('christelle');
    const kiosk = await demo.device('kiosk');
    now += 31_000;
    const release = holdWrites(databaseFile(demo.dataDir));
    const before = stamps();
    try {
      expect((await christelle.call('GET', '/api/desk')).status).toBe(200);
      expect((await kiosk.call('GET', '/api/config')).status).toBe(200);
      expect(stamps()).toEqual(before);
    } finally {
      release();
    }
    expect((await christelle.call('GET', '/api/desk')).status).toBe(200);
    expect((await kiosk.call('GET', '/api/config')).status).toBe(200);
    const after = stamps();
    expect(after.sessions.filter((at) => at === now)).toHaveLength(1);
    expect(after.devices.filter((at) => at === now)).toHaveLength(1);
  });
});
