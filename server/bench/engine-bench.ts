/**
 * npm run bench:engine — the cost of one engine command (`apply()`, rule
 * Q-OFFER-3) in a centre 4 times the tender's, over a whole simulated day:
 * fresh (the morning wave's first hour), after the long run (the afternoon,
 * with the morning's journeys done) and the worst command. Figures are the
 * process's CPU time per command (the machine is shared: wall time would
 * count the other processes), garbage collection included. Then the desk
 * views a commit pushes to the tender centre's professionals (Q-VIEW-3).
 *   npm run bench:engine -- [--factor 4] [--seeds 3]
 */
import { apply, journeyAwareDispatcher } from '../src/domain/index.js';
import { simulateDay } from '../src/simulation/day-simulator.js';
import { quantile } from '../src/simulation/day-table.js';
import { atMinutes, scaledScenario, tenderLikeScenario } from '../src/simulation/scenarios.js';
import { printDeskViewFigures } from './desk-view-figures.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const FACTOR = option('factor', 4);
const SEEDS = option('seeds', 3);
const scenario = scaledScenario(tenderLikeScenario(), FACTOR);
const freshUntil = atMinutes(scenario.day, 9 * 60);
const lateFrom = atMinutes(scenario.day, 13 * 60);

const fresh: number[] = [];
const late: number[] = [];
const all: number[] = [];
let visits = 0;
for (let seed = 1; seed <= SEEDS; seed += 1) {
  const timed: typeof apply = (state, command, ctx) => {
    const c0 = process.cpuUsage();
    const result = apply(state, command, ctx);
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000;
    all.push(ms);
    if (ctx.now < freshUntil) fresh.push(ms);
    else if (ctx.now >= lateFrom) late.push(ms);
    return result;
  };
  // As the server applies them: on states that stay intact (no hand-over, see ForwardRun.handOver).
  const day = simulateDay(scenario, {
    dispatcher: journeyAwareDispatcher,
    seed,
    apply: timed,
    handOver: false,
  });
  visits += day.visits.length;
}

const f2 = (n: number): string => n.toFixed(3);
const line = (label: string, ms: number[]): void =>
  console.log(
    `${label.padEnd(40)} ${String(ms.length).padStart(6)} commandes  moyenne ${f2(ms.reduce((a, b) => a + b, 0) / ms.length)} ms  ` +
      `médiane ${f2(quantile(ms, 0.5))} ms  p99 ${f2(quantile(ms, 0.99))} ms  max ${f2(Math.max(...ms))} ms`,
  );
console.log(
  `== apply() — ${scenario.name}, ${scenario.config.professionals.length} professionnels, ` +
    `~${Math.round(visits / SEEDS)} consultants par jour, ${SEEDS} journées ==`,
);
line('à froid (avant 9 h, vague du matin)', fresh);
line('après une longue journée (après 13 h)', late);
line('toute la journée', all);

printDeskViewFigures(SEEDS);
