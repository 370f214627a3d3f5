/** The capacity lower bound bench:day prints beside the zero-wait bound. */
import { describe, expect, it } from 'vitest';
import type { StepInstance, Visit } from '@gfa/shared';
import { fifoDispatcher, journeyAwareDispatcher } from '../../src/domain/index.js';
import { capacityBound } from '../../src/simulation/capacity-bound.js';
import { simulateDay } from '../../src/simulation/day-simulator.js';
import { tenderLikeScenario } from '../../src/simulation/scenarios.js';

const MINUTE = 60_000;

/** A finished one-step visit: only what the bound reads. */
function visit(id: string, arrivedAt: number, careMinutes: number): Visit {
  const step = {
    id: `${id}-s`,
    key: 'medecin',
    after: [],
    status: 'done',
    professionalId: 'luc',
    calledAt: 0,
    endedAt: careMinutes * MINUTE,
  } as unknown as StepInstance;
  return { id, arrivedAt, steps: [step] } as unknown as Visit;
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

  it('on simulated days it lies between the zero-wait bound and what every dispatcher reached', () => {
    const scenario = tenderLikeScenario();
    for (const dispatcher of [fifoDispatcher, journeyAwareDispatcher]) {
      const day = simulateDay(scenario, { dispatcher, seed: 4 });
      const mean = (f: (v: (typeof day.visits)[number]) => number) =>
        day.visits.reduce((s, v) => s + f(v), 0) / day.visits.length / MINUTE;
      expect(day.capacityBoundMinutes).toBeGreaterThanOrEqual(mean((v) => v.boundMs) - 1e-9);
      expect(day.capacityBoundMinutes).toBeLessThanOrEqual(mean((v) => (v.endedAt ?? 0) - v.arrivedAt));
    }
  });
});
