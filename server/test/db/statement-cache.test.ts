/** Statements prepared once per connection and SQL text (`statement-cache.ts`), on a real SQLite file. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile, openConnection, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { clientOf } from '../../src/db/db-handle.js';
import * as t from '../../src/db/schema.js';
import { cacheStatements } from '../../src/db/statement-cache.js';

const handles: OpenDatabase[] = [];
afterEach(() => {
  for (const h of handles.splice(0)) h.close();
});
const open = (): OpenDatabase => {
  const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-statements-'))));
  handles.push(handle);
  handle.sqlite.exec('create table numbers (n integer, label text)');
  handle.sqlite.prepare("insert into numbers values (1, 'un'), (2, 'deux'), (3, 'trois')").run();
  return handle;
};

describe('the statement cache', () => {
  it('hands out the same statement for the same SQL, on the server’s and a worker’s connection', () => {
    const { sqlite } = open();
    const sql = 'select label from numbers where n = ?';
    expect(sqlite.prepare(sql)).toBe(sqlite.prepare(sql));
    const worker = openConnection(sqlite.name);
    try {
      const second = clientOf(worker.db);
      expect(second.prepare(sql)).toBe(second.prepare(sql));
    } finally {
      worker.close();
    }
  });

  it('resets the modes a previous caller chose: drizzle’s raw rows never reach a caller wanting objects', () => {
    const { sqlite, db } = open();
    // drizzle's typed select runs its statement in raw mode.
    const viaDrizzle = db.select().from(t.users).where(eq(t.users.login, 'personne')).all();
    expect(viaDrizzle).toEqual([]);
    const sql = 'select n, label from numbers order by n';
    expect(sqlite.prepare(sql).raw().all()).toEqual([
      [1, 'un'],
      [2, 'deux'],
      [3, 'trois'],
    ]);
    expect(sqlite.prepare(sql).all()).toEqual([
      { n: 1, label: 'un' },
      { n: 2, label: 'deux' },
      { n: 3, label: 'trois' },
    ]);
    expect(sqlite.prepare(sql).pluck().all()).toEqual([1, 2, 3]);
    expect(sqlite.prepare(sql).get()).toEqual({ n: 1, label: 'un' });
    expect(sqlite.prepare(sql).safeIntegers().get()).toEqual({ n: 1n, label: 'un' });
    expect(sqlite.prepare(sql).get()).toEqual({ n: 1, label: 'un' });
  });

  it('never shares a statement still iterating: a nested query of the same SQL gets its own', () => {
    const { sqlite } = open();
    const sql = 'select n from numbers order by n';
    const seen: number[][] = [];
    for (const row of sqlite.prepare(sql).iterate() as Iterable<{ n: number }>) {
      seen.push([row.n, ...(sqlite.prepare(sql).all() as { n: number }[]).map((r) => r.n)]);
    }
    expect(seen).toEqual([
      [1, 1, 2, 3],
      [2, 1, 2, 3],
      [3, 1, 2, 3],
    ]);
  });

  it('keeps at most its capacity, the least recently used going first', () => {
    const { sqlite } = open();
    cacheStatements(sqlite, 2);
    const a = sqlite.prepare('select 1');
    sqlite.prepare('select 2');
    expect(sqlite.prepare('select 1')).toBe(a);
    sqlite.prepare('select 3'); // evicts `select 2`, the least recent
    expect(sqlite.prepare('select 1')).toBe(a);
    const two = sqlite.prepare('select 2');
    expect(sqlite.prepare('select 2')).toBe(two);
    expect(sqlite.prepare('select 3')).not.toBe(sqlite.prepare('select 1'));
  });
});
