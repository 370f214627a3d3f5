/**
 * bench:engine's second part (rule Q-VIEW-3): after each commit, the server
 * pushes every present professional their desk view. CPU time for all of
 * them, on the tender day's morning states, worked out together as the
 * server does, beside one by one with the dispatcher asked again after each
 * choice (how every view was computed before).
 */
import type { Id } from '@gfa/shared';
import { journeyAwareDispatcher, queueView, type DayState, type Dispatcher } from '../src/domain/index.js';
import { deskViews } from '../src/service/read-models.js';
import { simulateDay } from '../src/simulation/day-simulator.js';
import { quantile } from '../src/simulation/day-table.js';
import { atMinutes, tenderLikeScenario } from '../src/simulation/scenarios.js';

const ROUNDS = 20;
const HOURS = [9.5, 10, 10.5];

function cpuMs(run: () => void): number {
  const c0 = process.cpuUsage();
  run();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export function printDeskViewFigures(seeds: number): void {
  const scenario = tenderLikeScenario();
  const { config } = scenario;
  const oneByOne: Dispatcher = (input) => journeyAwareDispatcher(input);
  const together: number[] = [];
  const alone: number[] = [];
  let present = 0;
  for (let seed = 1; seed <= seeds; seed += 1) {
    for (const hour of HOURS) {
      const at = atMinutes(scenario.day, hour * 60);
      const state: DayState = simulateDay(scenario, {
        dispatcher: journeyAwareDispatcher,
        seed,
        stopAt: at,
      }).state;
      const ids: Id[] = Object.values(state.desks)
        .filter((d) => d.state !== 'offline')
        .map((d) => d.professionalId);
      present = Math.max(present, ids.length);
      for (let round = 0; round < ROUNDS; round += 1) {
        together.push(cpuMs(() => deskViews(state, config, ids, at)));
        alone.push(cpuMs(() => ids.forEach((id) => queueView(state, config, id, at, oneByOne))));
      }
    }
  }
  // The first rounds warm the JIT up; the server pushes views all day long.
  const line = (label: string, ms: number[]): void =>
    console.log(
      `${label.padEnd(40)} médiane ${quantile(ms.slice(ROUNDS), 0.5).toFixed(2)} ms  p95 ${quantile(ms.slice(ROUNDS), 0.95).toFixed(2)} ms`,
    );
  console.log(
    `\n== Vues des postes après un commit — ${scenario.name}, ${present} professionnels présents, ` +
      `${HOURS.length} moments de la matinée × ${seeds} journées (temps processeur) ==`,
  );
  line('ensemble, comme le serveur (Q-VIEW-3)', together);
  line('une par une, répartiteur redemandé', alone);
}
