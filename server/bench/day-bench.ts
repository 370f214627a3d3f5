/**
 * npm run bench:day — simulated CES days in virtual time through the real
 * engine (server/src/simulation): per dispatcher, over the same seeded days,
 * journeys against the zero-wait bound, waits per category and reason,
 * utilisation and fairness, and the forecast's accuracy and speed.
 *   npm run bench:day -- [--seeds 30] [--forecast-days 12] [--sample 8] [--causes] [--what-if]
 *                        [--search 300] [--search-days 3]
 * --causes measures the forecast again with each source of chance switched off;
 * --what-if adds the tender day with its afternoon doctor in the morning and
 * with the morning wave spread wider, under the default dispatcher;
 * --search replays the first tender days that many times each, searching with
 * hindsight for the order of consultants that shortens journeys most (~3 min).
 */
import { performance } from 'node:perf_hooks';
import { fifoDispatcher, journeyAwareDispatcher, type Dispatcher } from '../src/domain/index.js';
import { simulateDay, type DayOutcome } from '../src/simulation/day-simulator.js';
import { figuresOf, type DispatcherFigures } from '../src/simulation/day-table.js';
import { demoScenario, tenderLikeScenario } from '../src/simulation/scenarios.js';
import { spreadWave, withShiftFrom } from '../src/simulation/what-if.js';
import { searchRanking } from '../src/simulation/ranking-search.js';
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
    'référence a posteriori / borne',
    fig.map((f) => (f.meanHindsight / f.meanBound).toFixed(2)),
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

/** Where the excess goes (issue 17): per queue, per step position, queue lengths over the day, fairness by shift. */
function printDiagnostics(rows: [string, DispatcherFigures][]): void {
  const fig = rows.map(([, f]) => f);
  const line = (label: string, cells: string[]) =>
    console.log([label.padEnd(34), ...cells.map((c) => c.padStart(20))].join(''));
  line(
    'excès moyen (parcours − borne)',
    fig.map((f) => f1(f.meanExcess)),
  );
  for (const category of [...(fig[0]?.excessByCategory.keys() ?? [])].sort())
    line(
      `  dont file ${category} (min/parcours)`,
      fig.map((f) => f1(f.excessByCategory.get(category) ?? 0)),
    );
  for (const position of [...(fig[0]?.excessByPosition.keys() ?? [])].sort((a, b) => a - b))
    line(
      `  dont avant l'étape ${position}`,
      fig.map((f) => f1(f.excessByPosition.get(position) ?? 0)),
    );
  for (const group of [...(fig[0]?.utilisationByShift.keys() ?? [])].sort()) {
    if (
      ![...(fig[0]?.utilisationByShift.keys() ?? [])].some(
        (g) => g !== group && g.split(' ')[0] === group.split(' ')[0],
      )
    )
      continue; // one shift only in the category: the per-category line said it all
    line(
      `occupation ${group}`,
      fig.map((f) => {
        const u = f.utilisationByShift.get(group);
        return u ? `${pct(u.mean)} ±${pct(u.spread / 2)}` : '';
      }),
    );
  }
  const profile = fig.map((f) => f.queueProfile);
  const categories = ['administratif', 'medecin', 'infirmier', 'preleveur', 'dieteticien', 'nominatif'];
  console.log(`en file (moyenne, ${rows.map(([name]) => name).join(' / ')}) : ${categories.join(', ')}`);
  const times = [...(profile[0]?.keys() ?? [])].filter((m) => m <= 14 * 60).sort((a, b) => a - b);
  for (const minutes of times) {
    const cells = categories.map((c) =>
      profile.map((p) => (p.get(minutes)?.get(c) ?? 0).toFixed(1)).join('/'),
    );
    console.log(
      `  ${String(Math.floor(minutes / 60)).padStart(2)}:${String(minutes % 60).padStart(2, '0')}  ${cells.map((c) => c.padStart(10)).join('')}`,
    );
  }
}

/** The same days with other staffing or convocations (the limit is the day, not the dispatcher). */
function printWhatIf(): void {
  const tender = tenderLikeScenario();
  console.log(`\n== Et si… (répartiteur par défaut, ${SEEDS} journées) ==`);
  // The tender day itself is in the table above (same seeds).
  for (const scenario of [withShiftFrom(tender, 'agathe', 7 * 60 + 30), spreadWave(tender, 1.4)]) {
    const days: DayOutcome[] = [];
    for (let seed = 1; seed <= SEEDS; seed += 1)
      days.push(simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed }));
    const f = figuresOf(days);
    console.log(
      `${scenario.name} : parcours moyen ${f1(f.meanJourney)} min, ${f.ratio.toFixed(2)} × la borne, ` +
        `référence a posteriori ${(f.meanHindsight / f.meanBound).toFixed(2)} ×`,
    );
  }
}

/** How much choosing whom to take could gain on days known in advance (the dispatcher's referee). */
function printSearch(tries: number, days: number): void {
  const tender = tenderLikeScenario();
  console.log(`\n== Recherche a posteriori (${tries} essais par journée, ${days} journées) ==`);
  const rows = Array.from({ length: days }, (_, i) => {
    const seed = i + 1;
    const byDefault = figuresOf([simulateDay(tender, { dispatcher: journeyAwareDispatcher, seed })]);
    const search = searchRanking(tender, seed, tries);
    console.log(
      `journée ${seed} : défaut ${f1(byDefault.meanJourney)} min (${byDefault.ratio.toFixed(2)} ×), ` +
        `ordre par convocation ${f1(search.startMinutes)}, meilleur ordre trouvé ${f1(search.bestMinutes)} ` +
        `(${search.bestRatio.toFixed(2)} ×)`,
    );
    return { byDefault: byDefault.meanJourney, best: search.bestMinutes };
  });
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const [byDefault, best] = [mean(rows.map((r) => r.byDefault)), mean(rows.map((r) => r.best))];
  console.log(
    `moyenne : défaut ${f1(byDefault)} min, meilleur ordre ${f1(best)} min (${pct(1 - best / byDefault)} de moins)`,
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
  printDiagnostics(rows);
  const [fifo, best] = [rows[0]?.[1], rows[1]?.[1]];
  if (fifo && best) {
    console.log(`parcours moyen : ${pct(1 - best.meanJourney / fifo.meanJourney)} plus court que FIFO`);
  }

  printForecastFigures(scenario, { days: FORECAST_DAYS, sampleEvery: SAMPLE, causes: CAUSES });
}
if (process.argv.includes('--what-if')) printWhatIf();
if (process.argv.includes('--search')) printSearch(option('search', 300), option('search-days', 3));
console.log(`\nbench:day en ${f1((performance.now() - started) / 1000)} s`);
