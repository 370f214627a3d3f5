/** The throttled forecast behind predictive alerts, on a real SQLite journal. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { journeyAwareDispatcher } from '../../src/domain/index.js';
import { ForecastCache } from '../../src/supervision/forecast-cache.js';
import { Day, T0, appointment, makeConfig } from '../domain/fixtures.js';

const opened: OpenDatabase[] = [];
afterEach(() => {
  for (const h of opened.splice(0)) if (h.sqlite.open) h.close();
});

describe('forecast cache', () => {
  it('recomputes after a commit at most every 30 s, and after 5 min without any', () => {
    const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-forecast-'))));
    opened.push(handle);
    const day = new Day(makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: true } }));
    day.available('christelle');
    day.arrive(appointment('a1', 'eps', T0));
    const cache = new ForecastCache(handle.db, journeyAwareDispatcher);
    const first = cache.get(day.state, day.config, T0);
    expect(first.at).toBe(T0);
    day.arrive(appointment('a2', 'eps', T0));
    expect(cache.get(day.state, day.config, T0 + 10_000)).toBe(first); // changed, but throttled
    const second = cache.get(day.state, day.config, T0 + 30_000);
    expect(second.at).toBe(T0 + 30_000);
    expect(cache.get(day.state, day.config, T0 + 4 * 60_000)).toBe(second); // nothing new
    expect(cache.get(day.state, day.config, T0 + 6 * 60_000).at).toBe(T0 + 6 * 60_000);
  });
});
