import { describe, expect, it } from 'vitest';
import {
  durationKey,
  expectedLength,
  forecast,
  journeyAwareDispatcher,
  NO_HISTORY,
} from '../../src/domain/index.js';
import { drawnLength, medianTime } from '../../src/domain/care-draws.js';
import { Day, T0, appointment, makeConfig, min, staff } from './fixtures.js';

const auto = makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: true } });

/** Two administrative agents present, three EPS consultants in the building. */
function morning(): Day {
  const day = new Day(auto);
  day.available('christelle');
  return day;
}

/** One consultant in care with the agent since T0, another waiting; `minutes` later. */
function inCareWithOneWaiting(minutes: number): { day: Day; other: string } {
  const day = morning();
  const id = day.arrive(appointment('a1', 'eps', T0));
  day.act(id, { type: 'call' }, staff('christelle'));
  day.act(id, { type: 'start' }, staff('christelle'));
  const other = day.arrive(appointment('a2', 'eps', T0));
  day.advance(minutes);
  return { day, other };
}

describe('forecast', () => {
  it('Q-FORECAST-1: the next care of each waiting consultant follows the queue with the estimates', () => {
    const day = morning();
    const ids = ['a1', 'a2', 'a3'].map((id) => day.arrive(appointment(id, 'eps', T0)));
    const f = forecast(day.state, day.config, day.now, NO_HISTORY, journeyAwareDispatcher);
    // One agent, 15-min admin steps, 1-min walk: starts at +1, +17, +33 (call, walk, care, next call).
    const starts = ids.map((id) => (f.visits[id]?.nextCareAt ?? 0) - T0).sort((a, b) => a - b);
    expect(starts).toEqual([min(1), min(17), min(33)]);
    expect(f.professionals.christelle?.nextConsultantAt).toBe(T0);
  });

  it('Q-FORECAST-1: the state given is not changed and the forecast is deterministic', () => {
    const day = morning();
    day.arrive(appointment('a1', 'eps', T0));
    const before = JSON.stringify(day.state);
    const a = forecast(day.state, day.config, day.now, NO_HISTORY);
    expect(JSON.stringify(day.state)).toBe(before);
    expect(forecast(day.state, day.config, day.now, NO_HISTORY)).toEqual(a);
  });

  it('Q-FORECAST-2: a journey ends when its last step is forecast to end; nobody present → no end', () => {
    const day = morning();
    const id = day.arrive(appointment('a1', 'psy', T0));
    // Nobody serves the psychologue queue: the consultant is at reception, reception skips the step.
    const f = forecast(day.state, day.config, day.now, NO_HISTORY);
    expect(f.visits[id]?.nextCareAt).toBeNull();
    const eps = day.arrive(appointment('a2', 'eps', T0));
    for (const p of ['luc', 'carole', 'patrick']) day.available(p);
    const g = forecast(day.state, day.config, day.now, NO_HISTORY);
    // admin 1+15, then doctor, nurse and lab one after the other (each 1+15): ends at +64.
    expect((g.visits[eps]?.journeyEndAt ?? 0) - T0).toBe(min(64));
  });

  it('Q-FORECAST-3: learned durations replace the estimate; care in progress counts from its start', () => {
    const { day, other } = inCareWithOneWaiting(4);
    const learned = { ...NO_HISTORY, care: { [durationKey('eps', 'admin', 'admin')]: 6 } };
    const f = forecast(day.state, day.config, day.now, learned);
    // The care started at T0 lasts 6 min: the next consultant is called at +6 and starts at +7.
    expect(f.professionals.christelle?.nextConsultantAt).toBe(T0 + min(6));
    expect(f.visits[other]?.nextCareAt).toBe(T0 + min(7));
  });

  it('Q-FORECAST-3: an away consultant comes back after the learned away time', () => {
    const day = morning();
    const a = day.arrive(appointment('a1', 'eps', T0));
    day.act(a, { type: 'away', reason: 'collation' }, staff('christelle'));
    const f = forecast(day.state, day.config, day.now, { ...NO_HISTORY, awayMinutes: { collation: 20 } });
    expect(f.visits[a]?.nextCareAt).toBe(T0 + min(21));
  });

  it('Q-FORECAST-6: after a step most consultants leave for a while, the forecast sends them away', () => {
    const day = morning();
    const id = day.arrive(appointment('a1', 'eps', T0));
    for (const p of ['luc', 'carole', 'patrick']) day.available(p);
    const usual = { ...NO_HISTORY, awayAfter: { admin: { reason: 'collation' as const, minutes: 20 } } };
    const plain = forecast(day.state, day.config, day.now, NO_HISTORY);
    const away = forecast(day.state, day.config, day.now, usual);
    // Admin ends at +16, then 20 min away before the doctor, the nurse and the lab.
    expect(plain.visits[id]?.nextCareAt).toBe(T0 + min(1));
    expect((plain.visits[id]?.journeyEndAt ?? 0) - T0).toBe(min(64));
    expect((away.visits[id]?.journeyEndAt ?? 0) - (plain.visits[id]?.journeyEndAt ?? 0)).toBe(min(20));
  });

  it('Q-FORECAST-1: expected consultants still due are counted as arriving at their time', () => {
    const day = morning();
    const later = day.ok(
      { type: 'expect', appointment: appointment('b1', 'eps', T0 + min(30)) },
      staff('christelle'),
    );
    const f = forecast(day.state, day.config, day.now, NO_HISTORY);
    expect(f.visits[later.visitId as string]).toBeUndefined(); // not in the building yet
    expect(f.professionals.christelle?.nextConsultantAt).toBe(T0 + min(30));
  });

  it("Q-FORECAST-5: the expected wait per category and each consultant's likely bottleneck", () => {
    const day = morning();
    const ids = ['a1', 'a2', 'a3'].map((id) => day.arrive(appointment(id, 'eps', T0)));
    const f = forecast(day.state, day.config, day.now, NO_HISTORY);
    // One agent for three 15-min files: waits of 0, 16 and 32 min; then nobody else is present.
    expect(f.categories.admin).toEqual({ meanWaitMinutes: 16, calls: 3 });
    const third = ids.find((id) => f.visits[id]?.nextCareAt === T0 + min(33)) as string;
    expect(f.visits[third]?.bottleneckCategoryId).toBe('admin');
  });
});

describe('forecast of a care running long', () => {
  it('Q-FORECAST-7: a care past its usual length is expected to last as the longer cares did', () => {
    // Ratios of the cares to their usual length: half end at it, half at twice it.
    const spread = [1, 1, 2, 2];
    expect(expectedLength(10, 0, spread)).toBe(10); // not started: the usual length
    expect(expectedLength(10, 5, spread)).toBe(15); // all four are still possible
    expect(expectedLength(10, 12, spread)).toBe(20); // only the long ones are
    expect(expectedLength(10, 25, spread)).toBe(10); // past them all: ends now at the latest
    expect(expectedLength(10, 12)).toBe(10); // no spread learned
  });

  it('Q-FORECAST-7: the next consultant waits for the care running long, not for its usual end', () => {
    const { day, other } = inCareWithOneWaiting(20); // the 15-min admin care has lasted 20 min
    const plain = forecast(day.state, day.config, day.now, NO_HISTORY);
    const spread = forecast(day.state, day.config, day.now, { ...NO_HISTORY, spread: [0.8, 1, 1.2, 2] });
    expect(plain.professionals.christelle?.nextConsultantAt).toBe(day.now); // 15 min are over: now
    // Only the 2 × 15 min care lasted longer than 20 min: it ends at +30.
    expect(spread.professionals.christelle?.nextConsultantAt).toBe(T0 + min(30));
    expect(spread.visits[other]?.nextCareAt).toBe(T0 + min(31));
  });
});

describe('forecast of arrivals', () => {
  it('Q-FORECAST-8: expected consultants arrive with the learned lateness, and are given up after it', () => {
    const day = morning();
    const due = day.ok(
      { type: 'expect', appointment: appointment('b1', 'eps', T0 + min(30)) },
      staff('christelle'),
    );
    const gone = day.ok(
      { type: 'expect', appointment: appointment('b2', 'eps', T0 - min(12)) },
      staff('christelle'),
    );
    expect(due.ok && gone.ok).toBe(true);
    const onTime = forecast(day.state, day.config, day.now, NO_HISTORY);
    // Without history the one 12 min late is still expected (until 30 min), arriving now.
    expect(onTime.professionals.christelle?.nextConsultantAt).toBe(T0);
    const learned = { ...NO_HISTORY, arrival: { lateMinutes: 4, giveUpMinutes: 10 } };
    const f = forecast(day.state, day.config, day.now, learned);
    // The one 12 min late is past the give-up: the next is the one due at +30, arriving 4 min late.
    expect(f.professionals.christelle?.nextConsultantAt).toBe(T0 + min(34));
  });
});

describe('forecast over sampled care lengths', () => {
  it('Q-FORECAST-9: each sampled run draws a different quantile of the spread for a care, past what it lasted', () => {
    const spread = [0.5, 1, 1.5, 2];
    const draws = [1, 2, 3, 4].map((run) => drawnLength(10, 0, spread, run, 'v1', 's1'));
    expect([...draws].sort((a, b) => a - b)).toEqual([5, 10, 15, 20]);
    // Having lasted 12 min, only the 15- and 20-min lengths remain possible.
    const late = [1, 2, 3, 4].map((run) => drawnLength(10, 12, spread, run, 'v1', 's1'));
    expect(new Set(late)).toEqual(new Set([15, 20]));
    expect(drawnLength(10, 25, spread, 1, 'v1', 's1')).toBe(10); // past them all: ends now at the latest
    expect(medianTime([3, null, 1, 2, null])).toBe(3);
    expect(medianTime([null, null, 1])).toBeNull();
  });

  it('Q-FORECAST-9: with two agents busy, the first to free up is expected sooner than their usual end', () => {
    const day = morning();
    day.available('sophie');
    const [a, b] = ['a1', 'a2'].map((id) => day.arrive(appointment(id, 'eps', T0)));
    for (const [id, who] of [
      [a, 'christelle'],
      [b, 'sophie'],
    ] as const) {
      day.act(id as string, { type: 'call' }, staff(who));
      day.act(id as string, { type: 'start' }, staff(who));
    }
    const third = day.arrive(appointment('a3', 'eps', T0));
    const usual = forecast(day.state, day.config, day.now, NO_HISTORY);
    // Both 15-min cares usually end at +15: the third is taken at +15 and starts after the walk.
    expect(usual.visits[third]?.nextCareAt).toBe(T0 + min(16));
    const model = { ...NO_HISTORY, spread: [0.5, 0.5, 0.5, 2.5] };
    const sampled = forecast(day.state, day.config, day.now, model);
    // Three cares in four end at 7.5 min (the mean is still 15): in at least three of the four
    // sampled runs one of the two agents is free by then, and the median follows them.
    expect(sampled.visits[third]?.nextCareAt).toBe(T0 + min(8.5));
    expect(forecast(day.state, day.config, day.now, model)).toEqual(sampled);
    // The journeys' ends and the rest still come from the run with usual lengths.
    expect(sampled.visits[third]?.journeyEndAt).toBe(usual.visits[third]?.journeyEndAt);
    expect(sampled.professionals).toEqual(usual.professionals);
  });

  it('Q-FORECAST-9: a next care the usual run starts more than an hour ahead is that run’s, not sampled', () => {
    const day = morning();
    day.available('sophie');
    for (const [id, who] of [
      ['a1', 'christelle'],
      ['a2', 'sophie'],
    ] as const) {
      const visit = day.arrive(appointment(id, 'eps', T0));
      day.act(visit, { type: 'call' }, staff(who));
      day.act(visit, { type: 'start' }, staff(who));
    }
    const waiting = Array.from({ length: 10 }, (_, i) => day.arrive(appointment(`w${i}`, 'eps', T0)));
    // Most cares end sooner than usual: the sampled runs would call the last of them well before the usual run.
    const model = { ...NO_HISTORY, spread: [0.5, 0.5, 0.5, 1.5] };
    const usual = forecast(day.state, day.config, day.now, NO_HISTORY);
    const sampled = forecast(day.state, day.config, day.now, model);
    const first = waiting[0] as string;
    const last = waiting[9] as string;
    expect(sampled.visits[first]?.nextCareAt).toBeLessThan(usual.visits[first]?.nextCareAt ?? 0);
    expect(usual.visits[last]?.nextCareAt).toBeGreaterThan(T0 + min(60));
    expect(sampled.visits[last]?.nextCareAt).toBe(usual.visits[last]?.nextCareAt);
  });
});
