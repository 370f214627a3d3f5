/**
 * The forecast's part of npm run bench:day (issue 17): its accuracy measured at the start of
 * waits over many simulated days, where the misses come from, and the CPU time of one forecast.
 */
import { performance } from 'node:perf_hooks';
import { forecast, journeyAwareDispatcher, type DurationModel } from '../src/domain/index.js';
import { simulateDay } from '../src/simulation/day-simulator.js';
import { learnArrival, learnDurations } from '../src/stats/learn-durations.js';
import { quantile } from '../src/simulation/day-table.js';
import {
  breakdown,
  margin95,
  MARGINS,
  measureForecast,
  NOISES,
  within,
  type AccuracyRun,
} from '../src/simulation/forecast-accuracy.js';
import { atMinutes, type Scenario } from '../src/simulation/scenarios.js';

export interface ForecastBenchOptions {
  /** Days measured (seeds 1..days). */
  readonly days: number;
  /** Forecast at one wait start in this many. */
  readonly sampleEvery: number;
  /** Also measure with each source of chance switched off (slower). */
  readonly causes: boolean;
}

const HISTORY_SEEDS = [101, 102, 103, 104, 105];
const f1 = (n: number): string => n.toFixed(1);
const pct = (n: number): string => `${(100 * n).toFixed(0)} %`;

const NOISE_LABEL: Record<(typeof NOISES)[number], string> = {
  durations: 'durées des soins et trajets',
  added: 'étapes ajoutées par les médecins',
  aways: 'absences (collations)',
  arrivals: 'retards et absents',
};

/** Milliseconds of CPU and of wall clock per forecast, from a real day's state at 9:00. */
function forecastSpeed(scenario: Scenario, model: DurationModel): { cpu: number[]; wall: number[] } {
  const at = atMinutes(scenario.day, 9 * 60);
  const day = simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 1, stopAt: at });
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < 25; i += 1) {
    const [c0, t0] = [process.cpuUsage(), performance.now()];
    forecast(day.state, scenario.config, at, model);
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  // The first runs warm the JIT up: the server forecasts all day long.
  return { cpu: cpu.slice(5), wall: wall.slice(5) };
}

export function printForecastFigures(scenario: Scenario, options: ForecastBenchOptions): void {
  const run: AccuracyRun = {
    dispatcher: journeyAwareDispatcher,
    seeds: Array.from({ length: options.days }, (_, i) => i + 1),
    sampleEvery: options.sampleEvery,
    historySeeds: HISTORY_SEEDS,
    learn: (history) => ({
      ...learnDurations(history.flatMap((d) => d.cares)),
      ...learnArrival(history.flatMap((d) => d.lateness)),
    }),
  };
  const started = performance.now();
  const { model, samples } = measureForecast(scenario, run);
  const seconds = (performance.now() - started) / 1000;
  const n = samples.length;
  const start5 = within(samples, 5, 'start');
  console.log(
    `prévision : ${n} attentes mesurées sur ${options.days} journées (une sur ${options.sampleEvery}, ` +
      `au moment où chacune commence, ${f1(seconds)} s)`,
  );
  console.log(
    `  prochaine prise en charge à ±3/±5/±10 min : ` +
      `${MARGINS.map((k) => pct(within(samples, k, 'start'))).join(' / ')} (±5 min : ${pct(start5)} ± ${pct(margin95(start5, n))} à 95 %)`,
  );
  console.log(
    `  fin de parcours à ±3/±5/±10 min : ${MARGINS.map((k) => pct(within(samples, k, 'end'))).join(' / ')}`,
  );
  console.log('  prochaine prise en charge à ±5 min, par soin suivant et par début d’attente :');
  for (const r of breakdown(samples))
    console.log(
      `    ${r.label.padEnd(26)} ${String(r.samples).padStart(5)} attentes  ${pct(r.within5).padStart(5)}  ` +
        `écart médian ${f1(r.medianError)} min`,
    );
  if (options.causes) {
    console.log('  d’où viennent les écarts (±5 min, prochaine prise en charge / fin de parcours) :');
    const line = (label: string, calm: ReadonlySet<(typeof NOISES)[number]>) => {
      const m = measureForecast(scenario, { ...run, calm });
      console.log(
        `    ${label.padEnd(44)} ${pct(within(m.samples, 5, 'start')).padStart(5)} / ${pct(within(m.samples, 5, 'end')).padStart(5)}`,
      );
    };
    for (const noise of NOISES) line(`sans hasard sur les ${NOISE_LABEL[noise]}`, new Set([noise]));
    line('sans aucun hasard (reste : répartition, modèle)', new Set(NOISES));
  }
  const speed = forecastSpeed(scenario, model);
  console.log(
    `  durée d'une prévision (journée de ~80 consultants, état de 9 h) : ` +
      `temps processeur médian ${f1(quantile(speed.cpu, 0.5))} ms (p95 ${f1(quantile(speed.cpu, 0.95))} ms), ` +
      `horloge médiane ${f1(quantile(speed.wall, 0.5))} ms sur une machine partagée`,
  );
}
