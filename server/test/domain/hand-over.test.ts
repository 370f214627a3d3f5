/**
 * A state handed over by its only holder (the forward runs of the forecast and the simulator,
 * Q-FORECAST-2) is changed in place by the next command instead of copied: the exception to
 * Q-PURE-2 must still never mutate a visit, and a refused command must still change nothing
 * (Q-PURE-3). The forward runs must give the same days and the same forecasts either way.
 */
import { describe, expect, it } from 'vitest';
import type { Visit } from '@gfa/shared';
import {
  apply,
  forecast,
  journeyAwareDispatcher,
  type DayState,
  type EngineCommand,
} from '../../src/domain/index.js';
import { Draft, handOver } from '../../src/domain/draft.js';
import { simulateDay } from '../../src/simulation/day-simulator.js';
import { learnDurations } from '../../src/stats/learn-durations.js';
import { atMinutes, demoScenario } from '../../src/simulation/scenarios.js';
import { Day, T0, appointment, makeConfig, staff, system } from './fixtures.js';

/** Two EPS consultants waiting, the first one in care with the agent. */
function twoWaiting(): { day: Day; inCare: string; waiting: string } {
  const day = new Day(makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: false } }));
  day.available('christelle');
  const inCare = day.arrive(appointment('a1', 'eps', T0));
  const waiting = day.arrive(appointment('a2', 'eps', T0));
  day.act(inCare, { type: 'call' }, staff('christelle'));
  day.act(inCare, { type: 'start' }, staff('christelle'));
  day.advance(12);
  return { day, inCare, waiting };
}

const ctxOf = (day: Day, actor = staff('christelle')) => ({
  now: day.now,
  actor,
  config: day.config,
  newId: () => 'new-id',
});

describe('a state handed over to the next command', () => {
  it('Q-PURE-2: its record changes in place, but no visit in it is mutated', () => {
    const { day, inCare, waiting } = twoWaiting();
    const state = day.state;
    const [cared, other] = [state.visits[inCare] as Visit, state.visits[waiting] as Visit];
    const frozen = structuredClone(cared);
    handOver(state);
    const finish: EngineCommand = { type: 'visit', visitId: inCare, action: { type: 'finish' } };
    const r = apply(state, finish, ctxOf(day));
    if (!r.ok) throw new Error(r.error.detail);
    expect(r.state.visits).toBe(state.visits);
    expect(r.state.visits[inCare]).not.toBe(cared);
    expect(r.state.visits[inCare]?.steps[0]?.status).toBe('done');
    expect(cared).toEqual(frozen);
    expect(r.state.visits[waiting]).toBe(other);
    // Not handed over: a new record, as the server's commands always get.
    const again = apply(r.state, { type: 'visit', visitId: waiting, action: { type: 'call' } }, ctxOf(day));
    expect(again.ok && again.state.visits).not.toBe(r.state.visits);
  });

  it('Q-PURE-3: a refused command puts the record back as it was, and the next command sees no trace', () => {
    const { day, inCare, waiting } = twoWaiting();
    const pristine: DayState = { ...day.state, visits: structuredClone(day.state.visits) };
    const state = day.state;
    const visitsBefore = { ...state.visits };
    const frozen = structuredClone(state);
    handOver(state);
    // The care is marked done before the unknown target is found: the edit must be undone.
    const bad: EngineCommand = {
      type: 'visit',
      visitId: inCare,
      action: {
        type: 'finish',
        addSteps: [
          { label: 'Avis', target: { kind: 'category', categoryId: 'inconnue' }, estimatedMinutes: 5 },
        ],
      },
    };
    const refused = apply(state, bad, ctxOf(day));
    expect(refused.ok ? null : refused.error.code).toBe('invalid_input');
    expect(state).toEqual(frozen);
    expect(Object.keys(state.visits)).toEqual(Object.keys(frozen.visits));
    for (const id of Object.keys(visitsBefore)) expect(state.visits[id]).toBe(visitsBefore[id]);
    // The next commands give what they give on a copy that never went through the refusal.
    const next: EngineCommand[] = [
      { type: 'visit', visitId: inCare, action: { type: 'finish' } },
      { type: 'visit', visitId: waiting, action: { type: 'call' } },
    ];
    let [a, b] = [state, pristine];
    for (const command of next) {
      handOver(a);
      const ra = apply(a, command, ctxOf(day));
      const rb = apply(b, command, ctxOf(day));
      if (!ra.ok || !rb.ok) throw new Error('command refused');
      expect(ra.events).toEqual(rb.events);
      expect(ra.state).toEqual(rb.state);
      [a, b] = [ra.state, rb.state];
    }
  });

  it('Q-PURE-3: a visit created by a refused command is removed again', () => {
    const { day } = twoWaiting();
    const state = day.state;
    const keys = Object.keys(state.visits);
    handOver(state);
    const draft = new Draft(state, ctxOf(day, system));
    const created = { ...(Object.values(state.visits)[0] as Visit), id: 'created' };
    draft.create(created);
    draft.edit(keys[0] as string);
    expect(Object.keys(state.visits)).toEqual([...keys, 'created']);
    draft.undo();
    expect(Object.keys(state.visits)).toEqual(keys);
  });
});

describe('forward runs with their states handed over', () => {
  it('Q-FORECAST-2: the same simulated days and forecasts as with every state kept intact', () => {
    const scenario = demoScenario();
    const model = learnDurations(
      simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 101 }).cares,
    );
    const options = { dispatcher: journeyAwareDispatcher, seed: 4, durations: model, sampleEvery: 10 };
    const handed = simulateDay(scenario, options);
    const kept = simulateDay(scenario, { ...options, handOver: false });
    expect(handed.forecasts.length).toBeGreaterThan(5);
    expect(handed.visits).toEqual(kept.visits);
    expect(handed.waits).toEqual(kept.waits);
    expect(handed.forecasts).toEqual(kept.forecasts);
  });

  it('Q-FORECAST-1: the forecast leaves the state it is given as it was', () => {
    const scenario = demoScenario();
    const at = atMinutes(scenario.day, 10 * 60);
    const { state } = simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 2, stopAt: at });
    const frozen = structuredClone(state);
    const visits = { ...state.visits };
    const first = forecast(state, scenario.config, at, { care: {}, walkMinutes: 2, awayMinutes: {} });
    expect(state).toEqual(frozen);
    for (const id of Object.keys(visits)) expect(state.visits[id]).toBe(visits[id]);
    expect(forecast(state, scenario.config, at, { care: {}, walkMinutes: 2, awayMinutes: {} })).toEqual(
      first,
    );
  });
});
