/** The dispatcher's hindsight referee (bench:day --search): a real search, reproducible, never worse than its start. */
import { describe, expect, it } from 'vitest';
import { rankingDispatcher, searchRanking } from '../../src/simulation/ranking-search.js';
import { simulateDay } from '../../src/simulation/day-simulator.js';
import { demoScenario } from '../../src/simulation/scenarios.js';

describe('ranking search', () => {
  const demo = demoScenario();

  it('ranks candidates by the given order behind the guards', () => {
    const day = simulateDay(demo, { dispatcher: rankingDispatcher(new Map()), seed: 2 });
    const ended = Object.values(day.state.visits).filter((v) => v.state === 'done');
    expect(ended.length).toBeGreaterThan(60);
  });

  it('finds an order at least as good as appointment order, the same on every run', () => {
    const first = searchRanking(demo, 2, 6);
    const again = searchRanking(demo, 2, 6);
    expect(again).toEqual(first);
    expect(first.bestMinutes).toBeLessThanOrEqual(first.startMinutes);
    expect(first.bestRatio).toBeGreaterThan(1);
  });
});
