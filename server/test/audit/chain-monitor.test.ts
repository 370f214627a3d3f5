/**
 * The audit banner's chain verdict (issue 18): a search verifies only what was written since the last intact
 * point, a background full walk in slices finds older alterations, the intact point survives a restart.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChainMonitor, journalSequence } from '../../src/audit/chain-monitor.js';
import { readSetting } from '../../src/db/settings-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { appendLogins } from '../db/support/append-logins.js';

let handle: OpenDatabase;
let dir: string;

const append = (count: number): void => appendLogins(handle, count);

let monitors: ChainMonitor[] = [];
const monitor = (): ChainMonitor => {
  const chain = new ChainMonitor(handle.db, journalSequence(handle.sqlite));
  monitors.push(chain);
  return chain;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'gfa-chain-'));
  handle = openDatabase(databaseFile(dir));
  append(5000);
});
afterEach(async () => {
  await Promise.all(monitors.map((m) => m.stop()));
  monitors = [];
  handle.close();
});

describe('chain monitor', () => {
  it('a search verifies the new records only and moves the intact point forward', async () => {
    const chain = monitor();
    await chain.fullWalk();
    expect(chain.status()).toEqual({ ok: true, records: 5000, reason: null });
    append(10);
    expect(chain.status()).toEqual({ ok: true, records: 5010, reason: null });
    expect(readSetting(handle.db, 'journal.chainCheckpoint')?.seq).toBe(5010);
    await chain.stop();
  });

  it('an old record altered is found by the background walk the next search starts', async () => {
    const chain = monitor();
    await chain.fullWalk();
    handle.sqlite.prepare(`update events set data = '{"i":-1}' where seq = 4500`).run();
    // The search answers from the intact point at once; the walk it started reaches record 4500 slices later.
    expect(chain.status().ok).toBe(true);
    await chain.fullWalk();
    expect(chain.status()).toEqual({
      ok: false,
      records: 0,
      reason: 'enregistrement n° 4500 modifié, déplacé ou précédé d’une suppression',
    });
    await chain.stop();
  });

  it('the intact point itself altered, or records removed from the end, show at the next search', async () => {
    const chain = monitor();
    await chain.fullWalk();
    handle.sqlite.prepare(`update events set data = '{"i":-1}' where seq = 5000`).run();
    expect(chain.status().reason).toBe(
      'enregistrement n° 5000 modifié, déplacé ou précédé d’une suppression',
    );
    await chain.stop();

    handle.sqlite.prepare(`update events set data = '{"i":4999}' where seq = 5000`).run();
    const again = monitor();
    await again.fullWalk();
    handle.sqlite.prepare(`delete from events where seq > 4990`).run();
    expect(again.status().reason).toBe('enregistrement n° 5000 supprimé');
    await again.stop();
  });

  it('a restarted server answers from the intact point it kept', async () => {
    const first = monitor();
    await first.fullWalk();
    await first.stop();
    append(3);
    const restarted = monitor();
    expect(restarted.status()).toEqual({ ok: true, records: 5003, reason: null });
    await restarted.stop();
  });

  it('the background walk gives the event loop back between slices', async () => {
    append(5000);
    const chain = monitor();
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 0);
    await chain.fullWalk();
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(3);
    expect(chain.status()).toEqual({ ok: true, records: 10_000, reason: null });
  }, 120_000);
});
