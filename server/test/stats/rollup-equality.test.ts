/**
 * Statistics from the per-day rollups equal, figure for figure, the computation they replaced (kept as the
 * oracle in reference-statistics.ts): on the recorded fixture day, and on a random history in a real SQLite file
 * whose older days are anonymised (rolled up) while the recent ones are computed from their visits.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CentreConfig, DomainEvent, JournalEntry, StepInstance, Visit, VisitState } from '@gfa/shared';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { commitTransition, loadVisits } from '../../src/db/day-store.js';
import { entriesBetween } from '../../src/db/journal-store.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { localInstant } from '../../src/calendar/local-time.js';
import { anonymiseBefore } from '../../src/retention/anonymise.js';
import { statisticsFor } from '../../src/stats/period.js';
import { computeStatistics } from '../../src/stats/statistics.js';
import { computeStatistics as referenceStatistics } from './reference-statistics.js';

interface Fixture {
  config: CentreConfig;
  visits: Visit[];
  journal: JournalEntry[];
}

describe('statistics from rollups equal the previous computation', () => {
  it('on the recorded fixture day', () => {
    const fixture = JSON.parse(
      readFileSync(new URL('../supervision/fixture-day.json', import.meta.url), 'utf8'),
    ) as Fixture;
    const day = fixture.visits[0]?.day as string;
    const period = { from: day, to: day };
    expect(computeStatistics(period, fixture.visits, fixture.journal, fixture.config)).toEqual(
      referenceStatistics(period, fixture.visits, fixture.journal, fixture.config),
    );
  });

  describe('on a random history of 60 days, the first 45 rolled up', () => {
    let handle: OpenDatabase;
    const days: string[] = [];
    const before = new Map<string, unknown>();
    const random = mulberry32(20261201);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
    const periods: [string, string][] = [];

    const reference = (from: string, to: string) =>
      referenceStatistics(
        { from, to },
        loadVisits(handle.db, from, to),
        entriesBetween(handle.db, localInstant(from, 0), localInstant(to, 24 * 60) - 1),
        loadConfig(handle.db),
      );

    beforeAll(async () => {
      handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-rollup-'))));
      await seedDemo(handle.db, '2026-09-01', Date.parse('2026-09-01T06:00:00Z'));
      const config = loadConfig(handle.db);
      for (let d = 0; d < 60; d += 1) {
        const day = new Date(Date.UTC(2026, 8, 1 + d)).toISOString().slice(0, 10);
        days.push(day);
        writeRandomDay(handle, config, day, random);
      }
      for (let i = 0; i < 12; i += 1) {
        const a = pick(days);
        const b = pick(days);
        periods.push(a <= b ? [a, b] : [b, a]);
      }
      periods.push([days[0] as string, days.at(-1) as string], [days[44] as string, days[45] as string]);
      for (const [from, to] of periods) before.set(`${from}/${to}`, reference(from, to));
      anonymiseBefore(handle.db, days[45] as string, Date.parse('2026-11-01T01:00:00Z'));
    });
    afterAll(() => handle.close());

    it('the rollups exist for the anonymised days only', () => {
      const rolled = handle.sqlite
        .prepare('select day from stat_days order by day')
        .pluck()
        .all() as string[];
      expect(rolled.length).toBeGreaterThan(30);
      expect(rolled.every((d) => d < (days[45] as string))).toBe(true);
    });

    it('every period, inside, outside and across the rolled-up days, gives the same figures', () => {
      for (const [from, to] of periods) {
        const expected = before.get(`${from}/${to}`);
        expect(statisticsFor(handle.db, from, to), `${from} → ${to}`).toEqual(expected);
        expect(statisticsFor(handle.db, from, to)).toEqual(reference(from, to));
      }
    });

    it('the figures are not trivial (cares, waits, journeys and every kind of visit)', () => {
      const all = statisticsFor(handle.db, days[0] as string, days.at(-1) as string);
      expect(all.all.cares).toBeGreaterThan(300);
      expect(all.all.wait.count).toBeGreaterThan(100);
      expect(all.all.journey.count).toBeGreaterThan(50);
      expect(all.all.convenedNotCome).toBeGreaterThan(0);
      expect(all.all.cameNotHandled).toBeGreaterThan(0);
      expect(all.byCategory.length).toBeGreaterThan(2);
    });
  });
});

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A day of 0–14 visits of every kind, with steps of every target kind, written through the day store. */
function writeRandomDay(handle: OpenDatabase, config: CentreConfig, day: string, random: () => number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const minute = 60_000;
  const professionals = [...config.professionals.map((p) => p.id), 'parti-depuis'];
  const categories = config.categories.map((c) => c.id);
  const reasons = [...config.reasons.map((r) => r.id), 'ancien-motif'];
  const visits: Record<string, Visit> = {};
  const events: DomainEvent[] = [];
  const event = (type: DomainEvent['type'], at: number, visitId: string, stepId: string | null = null) =>
    events.push({
      type,
      at,
      actor: { kind: 'system', id: 'test' },
      visitId,
      stepId,
      professionalId: null,
      data: {},
    });
  const count = Math.floor(random() * 15);
  for (let v = 0; v < count; v += 1) {
    const id = `${day}-v${v}`;
    const appointment = random() < 0.7;
    const came = random() < 0.85;
    let t = localInstant(day, 7 * 60 + Math.floor(random() * 300)) + Math.floor(random() * 59_999);
    const arrivedAt = came ? t : null;
    if (came) event('visit.checked_in', t, id);
    const steps: StepInstance[] = [];
    const stepCount = came ? Math.floor(random() * 5) : 0;
    for (let s = 0; s < stepCount; s += 1) {
      const kind = pick(['category', 'professional', 'appointment_professional', 'reason'] as const);
      const target: StepInstance['target'] =
        kind === 'category'
          ? { kind, categoryId: pick(categories) }
          : kind === 'professional'
            ? { kind, professionalId: pick(professionals) }
            : kind === 'appointment_professional'
              ? { kind, fallbackCategoryId: pick(categories) }
              : { kind, reasonId: pick(reasons) };
      const status = random() < 0.8 ? 'done' : pick(['todo', 'skipped', 'called'] as const);
      if (random() < 0.2) {
        t += Math.floor(random() * 20) * minute;
        event('visit.back', t, id);
      }
      const calledAt = status === 'todo' ? null : t + Math.floor(random() * 40 * minute);
      const startedAt = calledAt === null ? null : calledAt + Math.floor(random() * 3 * minute);
      const endedAt =
        status === 'done' && startedAt !== null ? startedAt + Math.floor(random() * 35 * minute) : null;
      const stepId = `${id}-s${s}`;
      if (endedAt !== null) {
        t = endedAt;
        event('visit.care_finished', t, id, stepId);
      }
      steps.push({
        id: stepId,
        key: `k${s}`,
        label: `Étape ${s}`,
        target,
        estimatedMinutes: 15,
        after: [],
        optional: false,
        added: false,
        status,
        professionalId: calledAt === null && random() < 0.5 ? null : pick(professionals),
        roomId: null,
        calledAt,
        callCount: calledAt === null ? 0 : 1,
        startedAt,
        endedAt,
      });
    }
    const state: VisitState = !came
      ? pick(['expected', 'cancelled'] as const)
      : steps.length > 0 && random() < 0.7
        ? 'done'
        : pick(['left', 'waiting', 'done'] as const);
    visits[id] = {
      id,
      day,
      appointmentId: appointment ? `rdv-${id}` : null,
      appointmentAt: appointment ? localInstant(day, 8 * 60) : null,
      appointmentProfessionalId: null,
      reasonId: pick(reasons),
      templateId: 'tpl',
      templateVersion: 1,
      identity: { civility: 'Mme', firstName: 'Anne', lastName: `NOM${v}`, birthDate: '1960-01-01' },
      state,
      priorityClass: 1,
      arrivedAt,
      readySince: null,
      away: null,
      offer: null,
      endedAt: state === 'done' || state === 'left' ? t + Math.floor(random() * 5) * minute : null,
      steps,
      notes: [],
      checks: [],
    };
  }
  commitTransition(handle.db, {
    state: { day, visits, desks: {} },
    changedVisitIds: Object.keys(visits),
    changedDeskIds: [],
    events,
  });
}
