/** After the nightly anonymisation nothing nominative older than the retention remains, anywhere. */
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../../src/db/database.js';
import { recordReceptionAlert, receptionAlertsOf } from '../../src/db/reception-alert-store.js';
import { recordSatisfaction } from '../../src/db/satisfaction-store.js';
import { anonymiseBefore, cutoffDay, pseudonym } from '../../src/retention/anonymise.js';
import { statisticsFor } from '../../src/stats/period.js';
import { DAY } from '../domain/fixtures.js';
import { openDayWithGhislaine } from './day-with-ghislaine.js';

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
  handle = await openDayWithGhislaine();
}

describe('nightly anonymisation', () => {
  it('the cutoff is N days before today', () => {
    expect(cutoffDay('2026-12-01', 7)).toBe('2026-11-24');
    expect(cutoffDay('2026-03-03', 7)).toBe('2026-02-24');
  });

  it('removes names, birth dates, birth names, phones, e-mails, external ids, references and notes older than the retention, and only those', async () => {
    await dayWithJoel();
    const before = allText();
    expect(before).toContain('Ghislaine');
    expect(before).toContain('Diabétique');
    expect(before).toContain('ghislaine.v@example.fr');
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
      'Dejeunefille',
      '05 56 11 22 33',
      'ghislaine.v@example.fr',
    ]) {
      expect(after, leaked).not.toContain(leaked);
    }
    expect(after).toContain(pseudonym('joel-old'));
    expect(dump('select * from visit_steps order by id')).toEqual(steps);
    expect(dump("select * from events where type not like 'retention.%' order by seq")).toEqual(events);
    expect(dump(`select * from appointments where day = '2026-12-10' order by id`)).toEqual(demoAppointments);
    expect(dump(`select day from visits`)).toEqual([{ day: DAY }]);
  });

  it('purges what visitors typed at the kiosk (reception alerts) older than the retention, and only that', async () => {
    await dayWithJoel();
    const typed = (lastName: string) => ({ kind: 'identity' as const, lastName, birthDate: '1950-02-03' });
    recordReceptionAlert(handle.db, {
      day: '2026-11-20',
      at: 1,
      kioskId: 'borne',
      reason: 'not_found',
      by: typed('Oldtyped'),
    });
    recordReceptionAlert(handle.db, {
      day: '2026-11-26',
      at: 2,
      kioskId: 'borne',
      reason: 'not_found',
      by: typed('Keptyped'),
    });
    anonymiseBefore(handle.db, '2026-11-25', Date.now());
    expect(receptionAlertsOf(handle.db, '2026-11-20')).toEqual([]);
    expect(allText()).not.toContain('Oldtyped');
    expect(receptionAlertsOf(handle.db, '2026-11-26').map((a) => a.typed.lastName)).toEqual(['Keptyped']);
  });

  it('cuts satisfaction answers from their visit past the retention, keeping reason and journey time', async () => {
    await dayWithJoel();
    const answer = (day: string, visitId: string) =>
      recordSatisfaction(handle.db, {
        day,
        at: 1,
        kioskId: 'borne',
        score: 4,
        visitId,
        reasonId: 'eps',
        journeyMinutes: 95,
      });
    answer('2026-11-20', 'joel-old');
    answer('2026-11-26', 'joel-kept');
    anonymiseBefore(handle.db, '2026-11-25', Date.now());
    expect(
      dump('select day, visit_id, reason_id, journey_minutes from satisfaction_answers order by id'),
    ).toEqual([
      { day: '2026-11-20', visit_id: null, reason_id: 'eps', journey_minutes: 95 },
      { day: '2026-11-26', visit_id: 'joel-kept', reason_id: 'eps', journey_minutes: 95 },
    ]);
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

  it('runs over more old visits than SQLite binds variables (two years of history)', async () => {
    await dayWithJoel();
    const insert = handle.sqlite.prepare(
      `insert into visits (id, day, appointment_id, reason_id, template_id, template_version, civility, first_name, last_name, state, priority_class)
       values (?, '2024-03-04', null, 'eps', 'tpl-eps', 1, 'Mme', 'Anne', 'ANCIENNE', 'done', 1)`,
    );
    handle.sqlite.transaction(() => {
      for (let i = 0; i < 33_000; i += 1) insert.run(`old-${i}`);
    })();
    const result = anonymiseBefore(handle.db, '2026-11-25', Date.now());
    expect(result.visits).toBe(33_001);
    expect(dump(`select count(*) as n from visits where first_name = 'Anne'`)).toEqual([{ n: 0 }]);
  }, 120_000);
});
