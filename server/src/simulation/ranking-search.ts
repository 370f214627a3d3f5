/**
 * A hindsight referee for the dispatcher (npm run bench:day -- --search).
 * On one simulated day, a local search over a single order of the
 * consultants: every free professional takes the best-ranked candidate,
 * behind the spec's guards (Q-PICK-2, -4, -5) and in the default's order of
 * professionals (Q-DISPATCH-3). The search replays the very same day each
 * time, so it knows every arrival and every care's length in advance.
 *
 * Not a bound: it is what choosing whom to take could reach on a day known
 * beforehand. How far the default is from it says how much is left to gain
 * by dispatching, rather than by changing the day.
 */
import type { Id } from '@gfa/shared';
import { keyedDispatcher } from '../domain/dispatch.js';
import { scarcestFirst } from '../domain/journey-dispatcher.js';
import { guardKeys, waitKeys } from '../domain/pick-policy.js';
import type { Dispatcher } from '../domain/types.js';
import { seededRandom } from '../demo/prng.js';
import { simulateDay } from './day-simulator.js';
import { figuresOf } from './day-table.js';
import { keyedRandom } from './keyed-random.js';
import type { Scenario } from './scenarios.js';

/** How far one move shifts a consultant in the order. */
const REACH = 6;
/** The annealing's starting temperature (minutes of mean journey) and its decay per try. */
const START_TEMPERATURE = 2;
const COOLING = 0.985;

/** Every queue takes its best-ranked candidate (appointment ids: the same in every replay of the day). */
export function rankingDispatcher(rank: ReadonlyMap<Id, number>): Dispatcher {
  return keyedDispatcher(scarcestFirst, (input) => {
    const maxWait = input.config.policy.maxWaitMinutes;
    return (c) => [
      ...guardKeys(c, input.now, maxWait),
      rank.get(c.visit.appointmentId ?? c.visit.id) ?? Number.MAX_SAFE_INTEGER,
      ...waitKeys(c, input.now),
    ];
  });
}

export interface RankingSearch {
  /** Mean journey (minutes) with the consultants ranked by appointment time, where the search starts. */
  readonly startMinutes: number;
  /** The best mean journey found, and its ratio to the day's zero-wait bound. */
  readonly bestMinutes: number;
  readonly bestRatio: number;
}

/** Simulated annealing over the order, `tries` replays of the day with seed `seed`. */
export function searchRanking(scenario: Scenario, seed: number, tries: number): RankingSearch {
  const byTime = scenario
    .appointments(keyedRandom(seed))
    .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1))
    .map((a) => a.id);
  const play = (order: readonly Id[]) =>
    figuresOf([
      simulateDay(scenario, { dispatcher: rankingDispatcher(new Map(order.map((id, i) => [id, i]))), seed }),
    ]);
  const random = seededRandom(seed);
  const first = play(byTime);
  let current = { order: byTime, minutes: first.meanJourney };
  let best = { minutes: first.meanJourney, ratio: first.ratio };
  let temperature = START_TEMPERATURE;
  for (let i = 0; i < tries; i += 1) {
    const order = [...current.order];
    const from = Math.floor(random() * order.length);
    const to = Math.min(order.length - 1, Math.max(0, from + Math.round((random() - 0.5) * 2 * REACH)));
    order.splice(to, 0, ...order.splice(from, 1));
    const figures = play(order);
    const minutes = figures.meanJourney;
    if (minutes < current.minutes || random() < Math.exp((current.minutes - minutes) / temperature))
      current = { order, minutes };
    if (minutes < best.minutes) best = { minutes, ratio: figures.ratio };
    temperature *= COOLING;
  }
  return { startMinutes: first.meanJourney, bestMinutes: best.minutes, bestRatio: best.ratio };
}
