/** The throttled forecast behind predictive alerts, on a real SQLite journal. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { durationKey, forecast, journeyAwareDispatcher } from '../../src/domain/index.js';
import { simulateDay } from '../../src/simulation/day-simulator.js';
import { atMinutes, tenderLikeScenario } from '../../src/simulation/scenarios.js';
import { recentCareDurations } from '../../src/stats/care-durations.js';
import { recentLateness } from '../../src/stats/arrival-lateness.js';
import { learnArrival, learnDurations } from '../../src/stats/learn-durations.js';
import { ForecastCache } from '../../src/supervision/forecast-cache.js';
import { Day, T0, appointment, makeConfig } from '../domain/fixtures.js';
import { recordSimulatedDay } from '../stats/recorded-day.js';

const DAY = 24 * 60 * 60_000;

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

describe('forecast cache on recorded days', () => {
  it('Q-FORECAST-6: the server’s forecast sends consultants away after the blood test, as the journal taught it', () => {
    const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-forecast-'))));
    opened.push(handle);
    recordSimulatedDay(handle.db, 7);
    // Today (the day after the recorded one) at 9:10, a morning wave in the building, two in the blood test.
    const scenario = tenderLikeScenario();
    const now = atMinutes(scenario.day, 9 * 60 + 10);
    const today = simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 3, stopAt: now });
    const since = now - 28 * DAY;
    const learned = {
      ...learnDurations(recentCareDurations(handle.db, scenario.config, since)),
      ...learnArrival(recentLateness(handle.db, since)),
    };
    expect(learned.arrival).toBeDefined();
    expect(learned.awayAfter?.preleveur?.reason).toBe('collation');
    const served = new ForecastCache(handle.db, journeyAwareDispatcher).get(
      today.state,
      scenario.config,
      now,
    );
    expect(served).toEqual(forecast(today.state, scenario.config, now, learned, journeyAwareDispatcher));
    // Each consultant in the blood test with steps still to do is forecast to take the collation after it.
    const away = (learned.awayAfter?.preleveur?.minutes ?? 0) * 60_000;
    const inBloodTest = Object.values(today.state.visits).flatMap((v) => {
      const step = v.steps.find((s) => s.status === 'in_care' && s.key === 'preleveur');
      const care = (learned.care[durationKey(v.reasonId, 'preleveur', 'preleveur')] ?? 0) * 60_000;
      return step && v.steps.some((s) => s.status === 'todo')
        ? [{ v, ends: (step.startedAt ?? 0) + care }]
        : [];
    });
    expect(inBloodTest.length).toBeGreaterThan(0);
    const without = forecast(today.state, scenario.config, now, { ...learned, awayAfter: {} });
    for (const { v, ends } of inBloodTest) {
      expect(served.visits[v.id]?.nextCareAt).toBeGreaterThanOrEqual(Math.max(now, ends) + away);
      expect(without.visits[v.id]?.nextCareAt).toBeLessThan(Math.max(now, ends) + away);
    }
  });
});
