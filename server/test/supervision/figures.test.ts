/**
 * The supervisor's figures on the recorded fixture day (fixture-day.json, a
 * journal recorded from the engine by record-fixture-day.ts), at 11:00
 * (T0 + 180 min). Every expected value is computed by hand from this
 * timeline (minutes after T0):
 *
 *   A (EPS, RDV 0)   arrives 5; Christelle 10/11-21, Luc 25/26-46, Carole 47/48-58, Patrick 60/61-66 → done 66
 *   B (EPS, RDV 10)  arrives 8; Christelle 22/23-30, Carole 31/32-42, Patrick 45/46-51, Luc 55/56-76 → done 76
 *   C (Constances, RDV 20) arrives 30; Christelle 35/36-44; away (auto-prélèvement) from 50
 *   D (EIP, RDV 60)  never comes;  E (EPS, RDV 170) not yet due
 *   F (psy, walk-in) arrives 100 and waits;  G (EPS, RDV 120) arrives 125, called by Christelle at 155, not come
 *   Desks: Christelle, Luc, Carole, Patrick available at 0; Christelle paused 90-150.
 *   (call/start-finish: the wait ends at the call, the care runs from start to finish)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CentreConfig, Desk, JournalEntry, Millis, SupervisionDto, Visit } from '@gfa/shared';
import {
  categoryFigures,
  consultantRows,
  dayTotals,
  endOfDaySummary,
  idleTime,
  professionalRows,
  reasonFigures,
} from '../../src/supervision/figures.js';
import { readJournal } from '../../src/supervision/journal-facts.js';
import { supervision } from '../../src/supervision/supervision.js';

interface Fixture {
  now: Millis;
  config: CentreConfig;
  visits: Visit[];
  desks: Desk[];
  journal: JournalEntry[];
}
const fixture = JSON.parse(readFileSync(new URL('./fixture-day.json', import.meta.url), 'utf8')) as Fixture;
const { now, config, visits, desks, journal } = fixture;
const facts = readJournal(journal);
const byName = (last: string): Visit => {
  const visit = visits.find((v) => v.identity.lastName === last);
  if (!visit) throw new Error(last);
  return visit;
};
const row = (last: string) => {
  const found = consultantRows(visits, facts, now).find((r) => r.visitId === byName(last).id);
  if (!found) throw new Error(last);
  return found;
};
const pro = (id: string) => {
  const found = professionalRows(config, visits, desks, facts, now).find((r) => r.professionalId === id);
  if (!found) throw new Error(id);
  return found;
};

describe('supervision figures on the recorded fixture day', () => {
  it('waiting times per consultant: total waited, and the current wait', () => {
    expect(row('NOM-A').waitedMinutes).toBe(5 + 4 + 1 + 2);
    expect(row('NOM-B').waitedMinutes).toBe(14 + 1 + 3 + 4);
    expect(row('NOM-C').waitedMinutes).toBe(5);
    expect(row('NOM-G').waitedMinutes).toBe(30);
    expect(row('SANSRDV').waitingMinutes).toBe(80);
    expect(row('NOM-G').waitingMinutes).toBeNull(); // called: no longer waiting
    expect(row('NOM-C').waitingMinutes).toBeNull(); // away
  });

  it('delays: arrival minus appointment time', () => {
    expect(row('NOM-A').delayMinutes).toBe(5);
    expect(row('NOM-B').delayMinutes).toBe(-2);
    expect(row('NOM-C').delayMinutes).toBe(10);
    expect(row('NOM-G').delayMinutes).toBe(5);
    expect(row('NOM-D').delayMinutes).toBeNull();
    expect(row('SANSRDV').delayMinutes).toBeNull();
  });

  it('care durations per consultant', () => {
    expect(row('NOM-A').careMinutes).toBe(10 + 20 + 10 + 5);
    expect(row('NOM-B').careMinutes).toBe(7 + 10 + 5 + 20);
    expect(row('NOM-C').careMinutes).toBe(8);
    expect(row('NOM-G').careMinutes).toBe(0);
  });

  it('journey durations: finished ones, and those in progress up to now', () => {
    expect(row('NOM-A').journeyMinutes).toBe(61);
    expect(row('NOM-B').journeyMinutes).toBe(68);
    expect(row('NOM-C').journeyMinutes).toBe(150);
    expect(row('SANSRDV').journeyMinutes).toBe(80);
    expect(row('NOM-E').journeyMinutes).toBeNull();
    const eps = reasonFigures(config, visits, facts).find((r) => r.reasonId === 'eps');
    expect(eps?.journey).toEqual({ count: 2, mean: 64.5, min: 61, max: 68 });
  });

  it('status of each consultant, and counts by reason', () => {
    expect(['A', 'B', 'C', 'D', 'E', 'G'].map((x) => row(`NOM-${x}`).status)).toEqual([
      'done',
      'done',
      'away',
      'expected',
      'expected',
      'in_journey',
    ]);
    expect(row('NOM-C').awayReason).toBe('auto_prelevement');
    const reasons = reasonFigures(config, visits, facts);
    expect(reasons.map((r) => r.reasonId)).toEqual(['eps', 'epsc', 'eip', 'psy']);
    expect(reasons[0]?.statuses).toEqual({
      expected: 1,
      in_journey: 1,
      away: 0,
      done: 2,
      left: 0,
      no_show: 0,
      cancelled: 0,
    });
    expect(reasons[1]?.statuses.away).toBe(1);
    expect(reasons[3]?.statuses.in_journey).toBe(1);
  });

  it('each journey: steps done, to do, and in progress with its start', () => {
    expect(row('NOM-C').steps.map((s) => [s.label, s.status])).toEqual([
      ['admin', 'done'],
      ['infirmier', 'todo'],
      ['preleveur', 'todo'],
      ['medecin', 'todo'],
    ]);
    const g = row('NOM-G').steps[0];
    expect(g?.status).toBe('in_progress');
    expect(g?.startedAt).toBe(now - 25 * 60_000); // called at 155
    expect(g?.professionalId).toBe('christelle');
  });

  it('consultants received by each professional so far, by reason', () => {
    expect(pro('christelle').received).toBe(3);
    expect(pro('christelle').byReason).toEqual({ eps: 2, epsc: 1 });
    expect(pro('luc').byReason).toEqual({ eps: 2 });
    expect(pro('patrick').received).toBe(2);
    expect(pro('marc').received).toBe(0);
  });

  it('care durations and waits per professional', () => {
    expect(pro('christelle').care).toEqual({ count: 3, mean: 8.3, min: 7, max: 10 });
    expect(pro('luc').care).toEqual({ count: 2, mean: 20, min: 20, max: 20 });
    expect(pro('christelle').wait).toEqual({ count: 4, mean: 13.5, min: 5, max: 30 });
    expect(pro('patrick').wait).toEqual({ count: 2, mean: 2.5, min: 2, max: 3 });
  });

  it('average, minimum and maximum care by professional category', () => {
    const cats = Object.fromEntries(categoryFigures(config, facts, now).map((c) => [c.categoryId, c.care]));
    expect(cats.admin).toEqual({ count: 3, mean: 8.3, min: 7, max: 10 });
    expect(cats.medecin).toEqual({ count: 2, mean: 20, min: 20, max: 20 });
    expect(cats.infirmier).toEqual({ count: 2, mean: 10, min: 10, max: 10 });
    expect(cats.preleveur).toEqual({ count: 2, mean: 5, min: 5, max: 5 });
    expect(cats.dentiste).toEqual({ count: 0, mean: null, min: null, max: null });
  });

  it("professionals' idle time: available with no consultant, total and current stretch", () => {
    // Christelle: 0-10, 21-22, 30-35, 44-90, then 150-155; busy with G since 155.
    expect(idleTime('christelle', facts, now)).toEqual({
      idleMinutes: 10 + 1 + 5 + 46 + 5,
      idleSinceMinutes: null,
    });
    expect(idleTime('luc', facts, now)).toEqual({ idleMinutes: 25 + 9 + 104, idleSinceMinutes: 104 });
    expect(idleTime('carole', facts, now)).toEqual({ idleMinutes: 31 + 5 + 122, idleSinceMinutes: 122 });
    expect(idleTime('patrick', facts, now)).toEqual({ idleMinutes: 45 + 9 + 114, idleSinceMinutes: 114 });
    expect(idleTime('marc', facts, now)).toEqual({ idleMinutes: 0, idleSinceMinutes: null });
  });

  it('totals: received, still expected, absent so far, in journey, done', () => {
    expect(dayTotals(visits, facts, now)).toEqual({
      received: 5,
      stillExpected: 1,
      noShows: 1,
      inJourney: 3,
      done: 2,
    });
  });

  it('end-of-day summary: cares per professional and for all, mean, absents, came but not handled', () => {
    const rows = professionalRows(config, visits, desks, facts, now);
    const summary = endOfDaySummary(rows, visits, facts, now);
    expect(summary.cares).toBe(9);
    expect(summary.byProfessional.map((r) => [r.professionalId, r.cares, r.meanCare])).toEqual([
      ['carole', 2, 10],
      ['christelle', 3, 8.3],
      ['luc', 2, 20],
      ['patrick', 2, 5],
    ]);
    expect(summary.meanCaresPerProfessional).toBe(2.3);
    expect(summary.noShows).toBe(1);
    expect(summary.cameNotHandled).toBe(2);
  });

  it('the board assembles the same figures and validates against the protocol', async () => {
    const { SupervisionDto } = await import('@gfa/shared');
    const board: SupervisionDto = supervision({ day: '2026-11-24', config, visits, desks, journal, now });
    expect(SupervisionDto.parse(board).totals.received).toBe(5);
    expect(board.alerts).toEqual([]); // the fixture centre has no alert rule
  });
});
