/** The day simulator behind npm run bench:day, on a couple of seeds: its invariants, not its figures. */
import { describe, expect, it } from 'vitest';
import { fifoDispatcher, journeyAwareDispatcher, NO_HISTORY } from '../../src/domain/index.js';
import { simulateDay } from '../../src/simulation/day-simulator.js';
import { demoScenario, tenderLikeScenario } from '../../src/simulation/scenarios.js';

describe('day simulator', () => {
  const scenario = tenderLikeScenario();

  it('every consultant who came ends their journey, and nobody is held twice', () => {
    for (const dispatcher of [fifoDispatcher, journeyAwareDispatcher]) {
      const day = simulateDay(scenario, { dispatcher, seed: 1 });
      expect(day.visits.length).toBeGreaterThan(65); // ~80 convened, 5–10 % no-shows
      expect(day.visits.length).toBeLessThan(80);
      expect(day.visits.filter((v) => v.endedAt === null)).toEqual([]);
      expect(day.maxHeld).toBe(1);
      for (const v of day.visits) expect((v.endedAt ?? 0) - v.arrivedAt).toBeGreaterThanOrEqual(v.boundMs);
    }
  });

  it('is deterministic per seed, and the same day for every dispatcher', () => {
    const a = simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 2 });
    const b = simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 2 });
    expect(b).toEqual(a);
    const fifo = simulateDay(scenario, { dispatcher: fifoDispatcher, seed: 2 });
    // Same consultants came (no-shows and arrivals do not depend on the dispatcher).
    expect(fifo.visits.map((v) => [v.reasonId, v.arrivedAt]).sort()).toEqual(
      a.visits.map((v) => [v.reasonId, v.arrivedAt]).sort(),
    );
    const c = simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 3 });
    expect(c.visits.map((v) => v.arrivedAt)).not.toEqual(a.visits.map((v) => v.arrivedAt));
  });

  it('steps added by doctors and collations happen; the dentist leaving sends his steps to reception', () => {
    const day = simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 1 });
    const categories = new Set(day.waits.map((w) => w.categoryId));
    expect(categories).toContain('dieteticien');
    const after = day.state;
    const skipped = Object.values(after.visits).flatMap((v) => v.steps.filter((s) => s.status === 'skipped'));
    expect(skipped.every((s) => s.added)).toBe(true);
    expect(day.visits.some((v) => v.boundMs > 0)).toBe(true);
  });

  it('says where the excess goes: waits by step position, queue lengths every half hour', () => {
    const day = simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 1 });
    // Every EPS waits once per step: admin first (position 1), then three more in some order.
    const eps = day.waits.filter((w) => w.reasonId === 'eps');
    expect(eps.filter((w) => w.position === 1).every((w) => w.categoryId === 'administratif')).toBe(true);
    expect(Math.max(...eps.map((w) => w.position))).toBeGreaterThanOrEqual(4);
    // Samples every 30 min from 8:00; the morning wave makes the doctors' queue longest mid-morning.
    const steps = day.queues.map((q, i) => (i === 0 ? 0 : q.at - (day.queues[i - 1]?.at ?? 0)));
    expect(steps.slice(1).every((ms) => ms % (30 * 60_000) === 0)).toBe(true);
    const doctors = (hour: number) =>
      day.queues.find((q) => new Date(q.at).getHours() === hour)?.waiting.get('medecin') ?? 0;
    expect(doctors(10)).toBeGreaterThan(doctors(8));
    expect(doctors(10)).toBeGreaterThan(doctors(14));
    // The shift of each professional is named for the fairness-by-shift figures.
    expect(day.professionals.find((p) => p.professionalId === 'remi')?.shift).toBe('7:30–12:30');
  });

  it('measures the forecast at the start of waits (demo centre)', () => {
    const day = simulateDay(demoScenario(), {
      dispatcher: journeyAwareDispatcher,
      seed: 1,
      durations: NO_HISTORY,
      sampleEvery: 10,
    });
    expect(day.forecasts.length).toBeGreaterThan(10);
    const known = day.forecasts.filter((f) => f.predictedStart !== null && f.actualStart !== null);
    expect(known.length).toBeGreaterThan(day.forecasts.length / 2);
  });
});
