/**
 * npm run bench:day — simulated CES days in virtual time through the real
 * engine (server/src/simulation): per dispatcher, over the same seeded days,
 * journeys against the zero-wait bound, waits per category and reason,
 * utilisation and fairness, and the forecast's accuracy and speed.
 *   npm run bench:day -- [--seeds 30] [--forecast-days 12] [--sample 8] [--causes]
 */
import { performance } from 'node:perf_hooks';
import { fifoDispatcher, journeyAwareDispatcher, type Dispatcher } from '../src/domain/index.js';
import { simulateDay, type DayOutcome } from '../src/simulation/day-simulator.js';
import { figuresOf, type DispatcherFigures } from '../src/simulation/day-table.js';
import { demoScenario, tenderLikeScenario } from '../src/simulation/scenarios.js';
import { printForecastFigures } from './forecast-figures.js';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const SEEDS = option('seeds', 30);
const FORECAST_DAYS = option('forecast-days', 12);
const SAMPLE = option('sample', 8);
const CAUSES = process.argv.includes('--causes');
const DISPATCHERS: [string, Dispatcher][] = [
  ['FIFO', fifoDispatcher],
  ['parcours (défaut)', journeyAwareDispatcher],
];

const f1 = (n: number): string => n.toFixed(1);
const pct = (n: number): string => `${(100 * n).toFixed(0)} %`;

function printTable(rows: [string, DispatcherFigures][]): void {
  const header = ['', ...rows.map(([name]) => name)];
  const line = (label: string, cells: string[]) =>
    console.log([label.padEnd(34), ...cells.map((c) => c.padStart(20))].join(''));
  line(header[0] as string, header.slice(1));
  const fig = rows.map(([, f]) => f);
  line(
    'parcours terminés',
    fig.map((f) => String(f.journeys)),
  );
  line(
    'non terminés',
    fig.map((f) => String(f.unended)),
  );
  line(
    'parcours moyen (min)',
    fig.map((f) => f1(f.meanJourney)),
  );
  line(
    'parcours p95 (min)',
    fig.map((f) => f1(f.p95Journey)),
  );
  line(
    'borne sans attente (min)',
    fig.map((f) => f1(f.meanBound)),
  );
  line(
    'moyen / borne',
    fig.map((f) => f.ratio.toFixed(2)),
  );
  line(
    'borne de capacité (min)',
    fig.map((f) => f1(f.meanCapacityBound)),
  );
  line(
    'borne de capacité / borne',
    fig.map((f) => (f.meanCapacityBound / f.meanBound).toFixed(2)),
  );
  line(
    'terminés après fermeture',
    fig.map((f) => pct(f.afterClosing)),
  );
  for (const category of [...(fig[0]?.waitByCategory.keys() ?? [])].sort())
    line(
      `attente ${category} (min)`,
      fig.map((f) => f1(f.waitByCategory.get(category) ?? 0)),
    );
  for (const reason of [...(fig[0]?.waitByReason.keys() ?? [])].sort())
    line(
      `attente totale ${reason} (min)`,
      fig.map((f) => f1(f.waitByReason.get(reason) ?? 0)),
    );
  for (const category of [...(fig[0]?.utilisation.keys() ?? [])].sort())
    line(
      `occupation ${category}`,
      fig.map((f) => {
        const u = f.utilisation.get(category);
        return u ? `${pct(u.mean)} ±${pct(u.spread / 2)}` : '';
      }),
    );
}

const started = performance.now();
for (const scenario of [tenderLikeScenario(), demoScenario()]) {
  console.log(`\n== ${scenario.name} — ${SEEDS} journées simulées par répartiteur (mêmes journées) ==`);
  const rows: [string, DispatcherFigures][] = DISPATCHERS.map(([name, dispatcher]) => {
    const days: DayOutcome[] = [];
    for (let seed = 1; seed <= SEEDS; seed += 1) days.push(simulateDay(scenario, { dispatcher, seed }));
    return [name, figuresOf(days)];
  });
  printTable(rows);
  const [fifo, best] = [rows[0]?.[1], rows[1]?.[1]];
  if (fifo && best) {
    console.log(`parcours moyen : ${pct(1 - best.meanJourney / fifo.meanJourney)} plus court que FIFO`);
  }

  printForecastFigures(scenario, { days: FORECAST_DAYS, sampleEvery: SAMPLE, causes: CAUSES });
}
console.log(`\nbench:day en ${f1((performance.now() - started) / 1000)} s`);
