/** The forecast's durations read back from a real journal (Q-FORECAST-4). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recentCareDurations } from '../../src/stats/care-durations.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { commitTransition } from '../../src/db/day-store.js';
import type { EngineCommand, Actor } from '../../src/domain/index.js';
import { recentLateness } from '../../src/stats/arrival-lateness.js';
import { learnArrival, learnDurations } from '../../src/stats/learn-durations.js';
import { atMinutes } from '../../src/simulation/scenarios.js';
import { Day, T0, appointment, min, staff } from '../domain/fixtures.js';
import { RECORDED_DAY, recordSimulatedDay } from './recorded-day.js';

const opened: OpenDatabase[] = [];
afterEach(() => {
  for (const h of opened.splice(0)) if (h.sqlite.open) h.close();
});

/** A Day whose every result is committed to a real SQLite file, as the queue service does. */
class CommittedDay extends Day {
  constructor(readonly handle: OpenDatabase) {
    super();
  }
  override run(command: EngineCommand, actor: Actor) {
    const result = super.run(command, actor);
    if (result.ok) commitTransition(this.handle.db, result);
    return result;
  }
}

describe('care durations from the journal', () => {
  it('Q-FORECAST-4: reads each finished care with its step, category, measured minutes and walk', () => {
    const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-durations-'))));
    opened.push(handle);
    const day = new CommittedDay(handle);
    for (let i = 0; i < 9; i += 1) {
      const id = day.arrive(appointment(`a${i}`, 'eps', T0));
      day.care(id, 'christelle'); // 1 min walk, 10 min of care
    }
    const cares = recentCareDurations(handle.db, day.config, T0);
    expect(cares).toHaveLength(9);
    expect(cares[0]).toEqual({
      reasonId: 'eps',
      stepKey: 'admin',
      categoryId: 'admin',
      minutes: 10,
      walkMinutes: 1,
    });
    expect(recentCareDurations(handle.db, day.config, day.now + min(1))).toEqual([]);
    expect(learnDurations(cares).care).toEqual({ 'eps|admin|admin': 10 });
    expect(learnDurations(cares).walkMinutes).toBe(1);
  });
});

describe('aways after a care from the journal', () => {
  it('Q-FORECAST-6: a recorded day gives the usual collation after the blood test, as the day itself says', () => {
    const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-aways-'))));
    opened.push(handle);
    const { scenario, day } = recordSimulatedDay(handle.db, 7);
    const cares = recentCareDurations(handle.db, scenario.config, atMinutes(RECORDED_DAY, 0));
    expect(cares).toHaveLength(day.cares.length);
    const fromJournal = learnDurations(cares);
    const fromDay = learnDurations(day.cares);
    expect(fromJournal.awayAfter).toEqual(fromDay.awayAfter);
    // Seven in ten take a 10–20 min collation after the blood test (the simulator's rule).
    expect(fromJournal.awayAfter?.preleveur?.reason).toBe('collation');
    expect(fromJournal.awayAfter?.preleveur?.minutes).toBeGreaterThan(12);
    expect(fromJournal.awayAfter?.preleveur?.minutes).toBeLessThan(18);
    // Q-FORECAST-3: how long a collation lasts is learned too, for the one in progress.
    expect(fromJournal.awayMinutes).toEqual(fromDay.awayMinutes);
    expect(fromJournal.awayMinutes.collation).toBe(fromJournal.awayAfter?.preleveur?.minutes);
    expect(fromJournal.care).toEqual(fromDay.care);
  });

  it('Q-FORECAST-6: an away still running or a care with no next move yet says nothing', () => {
    const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-aways-'))));
    opened.push(handle);
    const day = new CommittedDay(handle);
    const [a, b, c] = ['a', 'b', 'c'].map((id) => day.arrive(appointment(id, 'eps', T0)));
    for (const id of [a, b, c]) day.care(id as string, 'christelle');
    day.act(a as string, { type: 'away', reason: 'collation' }, staff('christelle'));
    day.advance(12);
    day.act(a as string, { type: 'back' }, staff('christelle'));
    day.act(b as string, { type: 'away', reason: 'collation' }, staff('christelle'));
    const cares = recentCareDurations(handle.db, day.config, T0);
    const byVisit = (n: number) => cares[n]?.awayAfter;
    expect(byVisit(0)).toEqual({ reason: 'collation', minutes: 12 });
    expect(byVisit(1)).toBeUndefined(); // still away
    expect(byVisit(2)).toBeUndefined(); // nothing after the care yet
  });
});

describe('lateness from the journal', () => {
  it('Q-FORECAST-8: each convened consultant who came, minutes from appointment to check-in', () => {
    const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-late-'))));
    opened.push(handle);
    const { day } = recordSimulatedDay(handle.db, 7);
    const lateness = recentLateness(handle.db, atMinutes(RECORDED_DAY, 0));
    expect([...lateness].sort()).toEqual([...day.lateness].sort());
    expect(lateness.length).toBeGreaterThan(60);
    // The simulator's consultants are 2 min early on average, give or take 8.
    expect(learnArrival(lateness).arrival?.lateMinutes).toBeLessThan(2);
    expect(learnArrival(lateness).arrival?.giveUpMinutes).toBeGreaterThan(3);
  });
});
