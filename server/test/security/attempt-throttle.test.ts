/**
 * The attempt throttle on a real SQLite file: attempts in flight count before their check ends,
 * failures are kept in the database (a new process sees them), and what it keeps stays bounded:
 * finished attempts leave memory, finished windows and the oldest keys past the cap leave the table.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { AttemptThrottle } from '../../src/web/rate-limit.js';

const MINUTE = 60_000;
const file = () => join(mkdtempSync(join(tmpdir(), 'gfa-throttle-')), 'gfa.sqlite');
const opened: OpenDatabase[] = [];
const open = (path: string): OpenDatabase => {
  const database = openDatabase(path);
  opened.push(database);
  return database;
};
const rows = (database: OpenDatabase): number =>
  (database.sqlite.prepare('select count(*) as n from auth_failures').get() as { n: number }).n;
afterEach(() => opened.splice(0).forEach((d) => d.close()));

describe('attempt throttle', () => {
  it('counts attempts in flight: the sixth parallel attempt is refused before any check ends', () => {
    const throttle = new AttemptThrottle(open(file()).db);
    const attempts = Array.from({ length: 6 }, () => throttle.reserve('luc|10.0.0.9', 0));
    expect(attempts.filter(Boolean)).toHaveLength(5);
    expect(attempts[5]).toBeNull();
    for (const attempt of attempts) attempt?.release();
    expect(throttle.pending).toBe(0);
    expect(throttle.reserve('luc|10.0.0.9', 0)).not.toBeNull();
  });

  it('keeps failures in the database: another process sees the lock until the window ends', () => {
    const path = file();
    const first = new AttemptThrottle(open(path).db);
    for (let i = 0; i < 5; i += 1) first.reserve('luc|10.0.0.9', 1_000)?.fail(1_000 + i);
    const second = new AttemptThrottle(open(path).db);
    expect(second.locked('luc|10.0.0.9', 30_000)).toBe(true);
    expect(second.reserve('luc|10.0.0.9', 30_000)).toBeNull();
    expect(second.reserve('luc|10.0.0.9', 1_000 + MINUTE + 1)).not.toBeNull();
  });

  it('stays bounded: finished windows are purged and a spray of keys keeps at most the cap', () => {
    const database = open(file());
    const throttle = new AttemptThrottle(database.db, 5, MINUTE, 50);
    for (let i = 0; i < 120; i += 1) throttle.reserve(`inconnu-${i}|10.0.0.9`, i)?.fail(i);
    expect(rows(database)).toBe(50);
    expect(throttle.pending).toBe(0);
    // The oldest keys went first: the newest are still counted.
    expect(
      database.sqlite
        .prepare("select count(*) as n from auth_failures where key = 'inconnu-119|10.0.0.9'")
        .get(),
    ).toEqual({ n: 1 });
    throttle.reserve('luc|10.0.0.9', 10 * MINUTE)?.fail(10 * MINUTE);
    expect(rows(database)).toBe(1);
  });
});
