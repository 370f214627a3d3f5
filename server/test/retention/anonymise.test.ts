/** After the nightly anonymisation nothing nominative older than the retention remains, anywhere. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Appointment } from '@gfa/shared';
import { upsertAppointments } from '../../src/db/appointment-store.js';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { commitTransition } from '../../src/db/day-store.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { lastScheduledRun, startNightlyRetention } from '../../src/jobs/nightly-retention.js';
import { anonymiseBefore, cutoffDay, pseudonym } from '../../src/retention/anonymise.js';
import { statisticsFor } from '../../src/stats/period.js';
import { DAY, Day, T0, appointment, kiosk, staff, system } from '../domain/fixtures.js';

let handle: OpenDatabase;
afterEach(() => handle?.close());

/** Every text cell of every table, to search for a leaked name. */
function allText(): string {
  const tables = handle.sqlite.prepare("select name from sqlite_master where type = 'table'").all() as {
    name: string;
  }[];
  return tables
    .map(({ name }) => JSON.stringify(handle.sqlite.prepare(`select * from "${name}"`).all()))
    .join('\n');
}

const dump = (sql: string): unknown[] => handle.sqlite.prepare(sql).all();

async function dayWithJoel(): Promise<void> {
  handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-retention-'))));
  await seedDemo(handle.db, '2026-12-10', T0);
  const day = new Day(loadConfig(handle.db));
  const persist = (r: ReturnType<Day['run']>) => {
    if (!r.ok) throw new Error(r.error.detail);
    commitTransition(handle.db, r);
  };
  const old = appointment('joel-old', 'eps', T0);
  const joel: Appointment = {
    ...old,
    externalId: 'SA-OLD-1',
    identity: { ...old.identity, firstName: 'Ghislaine', lastName: 'Vieuxnom', birthDate: '1944-07-14' },
  };
  upsertAppointments(handle.db, [joel]);
  persist(day.run({ type: 'expect', appointment: joel }, system));
  const id = Object.keys(day.state.visits)[0] as string;
  persist(day.run({ type: 'check_in', visitId: id }, kiosk));
  persist(
    day.run(
      { type: 'visit', visitId: id, action: { type: 'note', text: 'Diabétique, prévoir une collation' } },
      staff('christelle'),
    ),
  );
}

describe('nightly anonymisation', () => {
  it('the cutoff is N days before today', () => {
    expect(cutoffDay('2026-12-01', 7)).toBe('2026-11-24');
    expect(cutoffDay('2026-03-03', 7)).toBe('2026-02-24');
  });

  it('removes names, birth dates, external ids, references and notes older than the retention, and only those', async () => {
    await dayWithJoel();
    const before = allText();
    expect(before).toContain('Ghislaine');
    expect(before).toContain('Diabétique');
    // Journeys, times and the journal are what statistics read: they must not change.
    const steps = dump('select * from visit_steps order by id');
    const events = dump("select * from events where type not like 'retention.%' order by seq");
    const demoAppointments = dump(`select * from appointments where day = '2026-12-10' order by id`);

    const statsBefore = statisticsFor(handle.db, '2026-11-01', '2026-11-30');
    expect(statsBefore.all.visits).toBe(1);
    const result = anonymiseBefore(handle.db, cutoffDay('2026-12-02', 7), Date.now());
    expect(statisticsFor(handle.db, '2026-11-01', '2026-11-30')).toEqual(statsBefore);
    expect(result).toMatchObject({ cutoffDay: '2026-11-25', visits: 1, appointments: 1, notes: 1 });

    const after = allText();
    for (const leaked of [
      'Ghislaine',
      'Vieuxnom',
      'VIEUXNOM',
      '1944-07-14',
      'SA-OLD-1',
      'RDV-joel-old',
      'Diabétique',
    ]) {
      expect(after, leaked).not.toContain(leaked);
    }
    expect(after).toContain(pseudonym('joel-old'));
    expect(dump('select * from visit_steps order by id')).toEqual(steps);
    expect(dump("select * from events where type not like 'retention.%' order by seq")).toEqual(events);
    expect(dump(`select * from appointments where day = '2026-12-10' order by id`)).toEqual(demoAppointments);
    expect(dump(`select day from visits`)).toEqual([{ day: DAY }]);
  });

  it('is idempotent', async () => {
    await dayWithJoel();
    anonymiseBefore(handle.db, '2026-11-25', Date.now());
    const visitsOnce = dump('select * from visits');
    const second = anonymiseBefore(handle.db, '2026-11-25', Date.now());
    expect(second).toMatchObject({ visits: 0, appointments: 0, notes: 0 });
    expect(dump('select * from visits')).toEqual(visitsOnce);
    expect(allText()).not.toContain('Ghislaine');
  });
});

describe('nightly schedule', () => {
  it('the last scheduled run is today 02:00 after 2 a.m., yesterday 02:00 before', () => {
    const at = (h: number, d = 24) => new Date(2026, 10, d, h, 30).getTime();
    expect(lastScheduledRun(at(9))).toBe(new Date(2026, 10, 24, 2, 0).getTime());
    expect(lastScheduledRun(at(1))).toBe(new Date(2026, 10, 23, 2, 0).getTime());
  });

  it('catches up at start when the box was off at 02:00, once', async () => {
    await dayWithJoel();
    const now = () => Date.parse('2026-12-09T10:00:00');
    const first = startNightlyRetention(handle.db, now);
    await first.stop();
    const second = startNightlyRetention(handle.db, now);
    await second.stop();
    expect(dump("select count(*) as n from events where type = 'retention.anonymised'")).toEqual([{ n: 1 }]);
    expect(allText()).not.toContain('Ghislaine');
  });
});
