/**
 * Pins forecast() on fixed states of a simulated tender-like day, so that making it faster
 * (npm run bench:day prints its speed) cannot change what it says. FIFO plays the day and the
 * forecast, so that tuning the journey-aware dispatcher does not move the pins; a deliberate change
 * of the engine or of the forecast's rules is re-pinned with `npx vitest run <this file> -u`.
 */
import { describe, expect, it } from 'vitest';
import { fifoDispatcher, forecast, groupSessions } from '../../src/domain/index.js';
import { learnDurations } from '../../src/stats/learn-durations.js';
import { simulateDay } from '../../src/simulation/day-simulator.js';
import { atMinutes, tenderLikeScenario } from '../../src/simulation/scenarios.js';

describe('forecast pinned on a simulated day', () => {
  const scenario = tenderLikeScenario();
  const history = [101, 102, 103].flatMap(
    (seed) => simulateDay(scenario, { dispatcher: fifoDispatcher, seed }).cares,
  );
  const model = learnDurations(history);

  // 9:00: the morning wave, the ETP session still to come; 15:30: a group session running, one waiting.
  for (const [minutes, inBuilding, sessions] of [
    [9 * 60, 30, 0],
    [15 * 60 + 30, 3, 1],
  ] as const) {
    it(`Q-FORECAST-1: says the same at ${minutes / 60} h`, async () => {
      const at = atMinutes(scenario.day, minutes);
      const day = simulateDay(scenario, { dispatcher: fifoDispatcher, seed: 1, stopAt: at });
      const f = forecast(day.state, scenario.config, at, model, fifoDispatcher);
      expect(Object.keys(f.visits).length).toBeGreaterThanOrEqual(inBuilding);
      expect(groupSessions(day.state)).toHaveLength(sessions);
      await expect(`${JSON.stringify(f, null, 1)}\n`).toMatchFileSnapshot(
        `./pins/forecast-${minutes / 60}h.json`,
      );
    });
  }
});
