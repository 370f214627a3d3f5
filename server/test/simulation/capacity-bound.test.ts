/** The capacity lower bound bench:day prints beside the zero-wait bound. */
import { describe, expect, it } from 'vitest';
import type { StepInstance, Visit } from '@gfa/shared';
import { fifoDispatcher, journeyAwareDispatcher } from '../../src/domain/index.js';
import { capacityBound, hindsightReference } from '../../src/simulation/capacity-bound.js';
import { simulateDay } from '../../src/simulation/day-simulator.js';
import { tenderLikeScenario } from '../../src/simulation/scenarios.js';

const MINUTE = 60_000;

/** A finished visit of unordered steps (key = category, minutes of care): only what the bound reads. */
function visit(id: string, arrivedAt: number, careMinutes: number, more: [string, number][] = []): Visit {
  const steps = [['medecin', careMinutes] as [string, number], ...more].map(
    ([key, minutes]) =>
      ({
        id: `${id}-${key}`,
        key,
        after: [],
        status: 'done',
        professionalId: key,
        calledAt: 0,
        endedAt: minutes * MINUTE,
      }) as unknown as StepInstance,
  );
  return { id, arrivedAt, steps } as unknown as Visit;
}

/** Two consultants needing 5 min of doctor and 20 min of nurse; one nurse from 0, two doctors from 30. */
function doctorLateNurseShort() {
  const visits = ['a', 'b'].map((id) => visit(id, 0, 5, [['infirmier', 20]]));
  return {
    visits,
    boundMs: new Map(visits.map((v) => [v.id, 25 * MINUTE])),
    categoryOf: (_v: Visit, s: StepInstance) => s.key,
    presentAt: (categoryId: string, t: number) => (categoryId === 'infirmier' ? 1 : t >= 30 * MINUTE ? 2 : 0),
  };
}

describe('capacity bound', () => {
  it('three consultants arriving together for one doctor wait for each other', () => {
    const visits = ['a', 'b', 'c'].map((id) => visit(id, 0, 10));
    const input = {
      visits,
      boundMs: new Map(visits.map((v) => [v.id, 10 * MINUTE])),
      categoryOf: () => 'medecin',
      presentAt: () => 1,
    };
    // Journeys of at least 10, 20 and 30 min whatever the order: a mean of 20.
    expect(capacityBound(input, ['medecin'])).toBeCloseTo(20, 5);
    // Two doctors really give 10, 10 and 20; the relaxation (one doctor twice as fast) ends the
    // steps at 5, 10 and 15, so it bounds the mean by (10 + 10 + 15) / 3, below the real 13.3.
    const two = capacityBound({ ...input, presentAt: () => 2 }, ['medecin']);
    expect(two).toBeCloseTo(35 / 3, 5);
    // A category nobody needs changes nothing: the zero-wait bound stands.
    expect(capacityBound(input, ['dentiste'])).toBeCloseTo(10, 5);
  });

  it('consultants short of a doctor early and of a nurse later are bounded by both at once', () => {
    // Two consultants need 5 min of doctor and 20 min of nurse, in any order. One nurse from 0,
    // two doctors only from 30. Doctor alone: ends ≥ 32.5 and 35 (mean 33.75); nurse alone:
    // ≥ 25 and 40 (32.5). Both: the first end ≥ 32.5, the second ≥ 40, a mean of 36.25 (the best
    // real schedule: nurse 0–20 and 20–40, doctors 30–35, ends 35 and 40, a mean of 37.5).
    const input = doctorLateNurseShort();
    expect(capacityBound(input, ['medecin'])).toBeCloseTo(33.75, 3);
    expect(capacityBound(input, ['infirmier'])).toBeCloseTo(32.5, 3);
    expect(capacityBound(input, ['medecin', 'infirmier'])).toBeCloseTo(36.25, 3);
  });

  it('the hindsight reference schedules each category without preemption, moving between queues free', () => {
    // The same two consultants: one nurse from 0 gives 20 and 40, two doctors from 30 give 35 and
    // 35; each consultant's k-th end is the latest of them: 35 and 40, the best real schedule's 37.5.
    const input = doctorLateNurseShort();
    expect(hindsightReference(input, ['medecin', 'infirmier'])).toBeCloseTo(37.5, 3);
    // Preemption is not allowed: the pooled bound's 36.25 is below it.
    expect(capacityBound(input, ['medecin', 'infirmier'])).toBeLessThan(37.5);
  });

  it('on simulated days it lies between the zero-wait bound and what every dispatcher reached', () => {
    const scenario = tenderLikeScenario();
    for (const dispatcher of [fifoDispatcher, journeyAwareDispatcher]) {
      const day = simulateDay(scenario, { dispatcher, seed: 4 });
      const mean = (f: (v: (typeof day.visits)[number]) => number) =>
        day.visits.reduce((s, v) => s + f(v), 0) / day.visits.length / MINUTE;
      expect(day.capacityBoundMinutes).toBeGreaterThanOrEqual(mean((v) => v.boundMs) - 1e-9);
      expect(day.capacityBoundMinutes).toBeLessThanOrEqual(mean((v) => (v.endedAt ?? 0) - v.arrivedAt));
      // Not a bound, but on these days still between the zero-wait bound and what the dispatcher reached.
      expect(day.hindsightMinutes).toBeGreaterThanOrEqual(mean((v) => v.boundMs) - 1e-9);
      expect(day.hindsightMinutes).toBeLessThanOrEqual(mean((v) => (v.endedAt ?? 0) - v.arrivedAt));
    }
  });
});
