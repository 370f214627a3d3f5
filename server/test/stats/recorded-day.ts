/** A simulated tender-like day whose every command is committed to a real SQLite journal, as the queue service does. */
import type { Db } from '../../src/db/database.js';
import { commitTransition } from '../../src/db/day-store.js';
import { apply, journeyAwareDispatcher } from '../../src/domain/index.js';
import { simulateDay, type DayOutcome } from '../../src/simulation/day-simulator.js';
import { tenderLikeScenario, type Scenario } from '../../src/simulation/scenarios.js';

/** A day before the simulator's usual one, as the journal of past days holds it. */
export const RECORDED_DAY = '2026-11-23';

export function recordSimulatedDay(db: Db, seed: number): { scenario: Scenario; day: DayOutcome } {
  const scenario = tenderLikeScenario(RECORDED_DAY);
  const day = simulateDay(scenario, {
    dispatcher: journeyAwareDispatcher,
    seed,
    apply: (state, command, ctx) => {
      const result = apply(state, command, ctx);
      if (result.ok) commitTransition(db, result);
      return result;
    },
  });
  return { scenario, day };
}
