/**
 * Q-VIEW-3: the desk views of one state are worked out together (what they
 * share read once, each professional's candidates ranked by one sort), and
 * must be exactly what each view worked out alone, by asking the dispatcher
 * after each choice, would be.
 */
import { describe, expect, it } from 'vitest';
import type { Id, Visit } from '@gfa/shared';
import {
  activeStep,
  fifoDispatcher,
  journeyAwareDispatcher,
  queueView,
  viewBasis,
  type DayState,
  type Dispatcher,
} from '../../src/domain/index.js';
import { groupBasis, groupView } from '../../src/domain/group-view.js';
import { rankingDispatcher } from '../../src/simulation/ranking-search.js';
import { simulateDay } from '../../src/simulation/day-simulator.js';
import {
  atMinutes,
  demoScenario,
  tenderLikeScenario,
  type Scenario,
} from '../../src/simulation/scenarios.js';

/** The same dispatcher without its `rank`: asked again after each choice, as any plugged one is. */
const askedOneByOne =
  (dispatcher: Dispatcher): Dispatcher =>
  (input) =>
    dispatcher(input);

function statesOf(scenario: Scenario, seed: number): { state: DayState; at: number }[] {
  return [8.5, 9.5, 10, 10.5, 11.5, 14].map((hour) => {
    const at = atMinutes(scenario.day, hour * 60);
    return {
      state: simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed, stopAt: at }).state,
      at,
    };
  });
}

describe('desk views of one state (Q-VIEW-3)', () => {
  /** Scenario, seed, and how many queue entries its states show at least (the order must matter). */
  const cases: [string, Scenario, number, number][] = [
    ['tender day', tenderLikeScenario(), 3, 300],
    ['demo centre', demoScenario(), 5, 50],
  ];
  const dispatchers: [string, Dispatcher][] = [
    ['journey-aware', journeyAwareDispatcher],
    ['FIFO', fifoDispatcher],
    [
      'a ranking',
      rankingDispatcher(
        new Map([
          ['sim-0007', 0],
          ['sim-0003', 1],
        ]),
      ),
    ],
  ];

  for (const [name, scenario, seed, least] of cases) {
    const states = statesOf(scenario, seed);
    const professionals = scenario.config.professionals.map((p) => p.id);

    it(`Q-VIEW-3 ranks candidates in one sort as the dispatcher would one by one (${name})`, () => {
      let entries = 0;
      for (const { state, at } of states) {
        const basis = viewBasis(state, scenario.config);
        for (const [, dispatcher] of dispatchers) {
          expect(dispatcher.rank).toBeTypeOf('function');
          for (const id of professionals) {
            const together = queueView(state, scenario.config, id, at, dispatcher, basis);
            const alone = queueView(state, scenario.config, id, at, askedOneByOne(dispatcher));
            expect(together).toEqual(alone);
            entries += together.mine.length + together.shared.length;
          }
        }
      }
      expect(entries).toBeGreaterThan(least);
    });

    it(`Q-VIEW-3 reads what the views share once, as each view would alone (${name})`, () => {
      for (const { state, at } of states) {
        const basis = viewBasis(state, scenario.config);
        const groups = groupBasis(state, scenario.config);
        const visits = Object.values(state.visits);
        for (const id of professionals) {
          const view = queueView(state, scenario.config, id, at, journeyAwareDispatcher, basis);
          const current = visits.find((v) => activeStep(v)?.professionalId === id);
          expect(view.currentVisitId).toBe(current?.id ?? null);
          expect(view.startedJourneys).toBe(
            visits.filter((v) => ['arrived', 'waiting', 'called', 'in_care', 'away'].includes(v.state))
              .length,
          );
          expect(view.begunJourneys).toBe(visits.filter((v) => v.arrivedAt !== null).length);
          expect(groupView(state, scenario.config, id, at, groups)).toEqual(
            groupView(state, scenario.config, id, at),
          );
        }
      }
    });
  }

  it('Q-VIEW-3 puts the consultant offered to me first, before the ranked others', () => {
    const scenario = tenderLikeScenario();
    const { state, at } = statesOf(scenario, 3)[2] as { state: DayState; at: number };
    const doctor = 'luc';
    const before = queueView(state, scenario.config, doctor, at, journeyAwareDispatcher);
    const last = before.shared.at(-1);
    expect(before.shared.length).toBeGreaterThan(3);
    // The last of my queue is offered to me (as the engine would, had the dispatcher chosen them).
    const visit = state.visits[last?.visitId as Id] as Visit;
    const offered: DayState = {
      ...state,
      visits: {
        ...state.visits,
        [visit.id]: { ...visit, offer: { professionalId: doctor, stepId: last?.stepId as Id, at } },
      },
    };
    const view = queueView(offered, scenario.config, doctor, at, journeyAwareDispatcher);
    expect(view.shared[0]).toMatchObject({ visitId: last?.visitId, offeredToMe: true });
    expect(view.shared.slice(1).map((e) => e.visitId)).toEqual(
      before.shared.slice(0, -1).map((e) => e.visitId),
    );
    expect(view).toEqual(
      queueView(offered, scenario.config, doctor, at, askedOneByOne(journeyAwareDispatcher)),
    );
  });
});
