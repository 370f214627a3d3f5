/**
 * Jobs run once per local day whatever the clock change: on a virtual clock
 * (fake timers) in Europe/Paris, across the spring Sunday (02:00–03:00 does
 * not exist) and the autumn Sunday (02:00–03:00 happens twice), with the
 * registry journaling into a real SQLite file.
 */
process.env.TZ = 'Europe/Paris';

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DailyTime } from '@gfa/shared';
import { localClock, localDay } from '@gfa/shared';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { JobRegistry, type JobDefinition } from '../../src/jobs/job-registry.js';
import { previousOccurrence } from '../../src/jobs/daily-schedule.js';

const HOUR = 3600_000;
let handle: OpenDatabase;

beforeEach(() => {
  handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-dst-'))));
});
afterEach(() => {
  vi.useRealTimers();
  handle.close();
});

/** A job that only notes the local day and time of each run. */
function recorder(time: DailyTime, runs: string[]): JobDefinition {
  return {
    id: 'retention',
    label: 'Anonymisation des données nominatives',
    times: () => [time],
    notReady: () => null,
    run: async (now) => {
      runs.push(`${localDay(now)} ${localClock(now)}`);
      return { summary: 'fait', counts: {} };
    },
  };
}

/** Runs the registry on a virtual clock from `start` for `hours`, and returns the job's runs. */
async function runsBetween(start: string, hours: number, time: DailyTime): Promise<string[]> {
  vi.useFakeTimers({
    now: Date.parse(start),
    toFake: ['Date', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
  });
  const runs: string[] = [];
  const registry = new JobRegistry(handle.db, () => Date.now(), [recorder(time, runs)]);
  await registry.start();
  // The start-up catch-up ran the previous day's occurrence; only scheduled runs are looked at below.
  runs.length = 0;
  await vi.advanceTimersByTimeAsync(hours * HOUR);
  await registry.stop();
  return runs;
}

describe('daily jobs across the clock changes (Europe/Paris)', () => {
  it.each([
    {
      sunday: 'spring Sunday (02:00–03:00 skipped): the job still runs that day, just after the jump',
      start: '2027-03-27T12:00:00+01:00',
      at0200: ['2027-03-28 03:00', '2027-03-29 02:00', '2027-03-30 02:00'],
      at0230: ['2027-03-28 03:30', '2027-03-29 02:30'],
    },
    {
      sunday: 'autumn Sunday (02:00–03:00 twice): the job runs once, not again when the clock goes back',
      start: '2027-10-30T12:00:00+02:00',
      at0200: ['2027-10-31 02:00', '2027-11-01 02:00', '2027-11-02 02:00'],
      at0230: ['2027-10-31 02:30', '2027-11-01 02:30'],
    },
  ])('$sunday', async ({ start, at0200, at0230 }) => {
    expect(await runsBetween(start, 72, '02:00')).toEqual(at0200);
    expect(await runsBetween(start, 48, '02:30')).toEqual(at0230);
  });

  it('catch-up after a night off: the day after the spring Sunday still finds that Sunday’s run due', () => {
    // 00:30 on Monday: 24 hours earlier is Saturday 23:30, so days must be counted on the calendar.
    const mondayNight = Date.parse('2027-03-29T00:30:00+02:00');
    expect(previousOccurrence(['02:00'], mondayNight)).toBe(Date.parse('2027-03-28T03:00:00+02:00'));
  });
});
