/**
 * npm run bench:groups — the ETP collective session run one by one (before group sessions) and as a
 * group session (rules Q-GROUP-*), over the same seeded tender-like days: the dietician's and the
 * ETP nurse's utilisation (busy share of their day, which runs on past closing while consultants remain)
 * and busy minutes, and the ETP participants' mean journey. Two days: the scenario as it is
 * (two ETP collectif appointments spread over the day) and one with a real session of eight at 14:00.
 *   npm run bench:groups -- [--seeds 10]
 */
import type { Appointment } from '@gfa/shared';
import { journeyAwareDispatcher } from '../src/domain/index.js';
import { simulateDay } from '../src/simulation/day-simulator.js';
import { atMinutes, tenderLikeScenario, type Scenario } from '../src/simulation/scenarios.js';

const i = process.argv.indexOf('--seeds');
const SEEDS = i >= 0 ? Number(process.argv[i + 1]) : 10;
const FACILITATORS = ['marie', 'carole'];

/** The same scenario with its group steps made one-by-one steps again. */
function oneByOne(scenario: Scenario): Scenario {
  const templates = scenario.config.templates.map((t) => ({
    ...t,
    steps: t.steps.map(({ group: _group, ...step }) => step),
  }));
  return { ...scenario, config: { ...scenario.config, templates } };
}

/** Eight ETP collectif participants convened for one session at 14:00 instead of two spread out. */
function sessionAtTwo(scenario: Scenario): Scenario {
  return {
    ...scenario,
    appointments: (random) => {
      const list = scenario.appointments(random).filter((a) => a.reasonId !== 'etp-collectif');
      const etp = Array.from({ length: 8 }, (_, n): Appointment => ({
        ...(list[0] as Appointment),
        id: `sim-etp-${n}`,
        reference: `SIM-ETP-${n}`,
        reasonId: 'etp-collectif',
        professionalId: null,
        at: atMinutes(scenario.day, 14 * 60),
        identity: { civility: 'Mme', firstName: 'Consultante', lastName: `ETP${n}`, birthDate: null },
      }));
      return [...list, ...etp];
    },
  };
}

function figures(scenario: Scenario) {
  const busy = new Map<string, number[]>();
  const minutes = new Map<string, number[]>();
  const journeys: number[] = [];
  let unended = 0;
  for (let seed = 1; seed <= SEEDS; seed += 1) {
    const day = simulateDay(scenario, { seed, dispatcher: journeyAwareDispatcher });
    for (const p of day.professionals.filter((x) => FACILITATORS.includes(x.professionalId))) {
      busy.set(p.professionalId, [...(busy.get(p.professionalId) ?? []), p.busyMs / p.presentMs]);
      minutes.set(p.professionalId, [...(minutes.get(p.professionalId) ?? []), p.busyMs / 60_000]);
    }
    for (const v of day.visits.filter((x) => x.reasonId === 'etp-collectif')) {
      if (v.endedAt === null) unended += 1;
      else journeys.push((v.endedAt - v.arrivedAt) / 60_000);
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
  return {
    marie: mean(busy.get('marie') ?? []),
    carole: mean(busy.get('carole') ?? []),
    marieMinutes: mean(minutes.get('marie') ?? []),
    caroleMinutes: mean(minutes.get('carole') ?? []),
    journey: mean(journeys),
    unended,
  };
}

const pct = (n: number) => `${(100 * n).toFixed(0)} %`;
for (const [name, scenario] of [
  ['jour de l’appel d’offres (2 ETP collectif)', tenderLikeScenario()],
  ['séance de 8 à 14 h', sessionAtTwo(tenderLikeScenario())],
] as const) {
  console.log(`\n${name}, ${SEEDS} jours`);
  console.log('                                 un par un     séance collective');
  const [before, after] = [figures(oneByOne(scenario)), figures(scenario)];
  const row = (label: string, a: string, b: string) =>
    console.log(`${label.padEnd(33)}${a.padStart(9)}${b.padStart(20)}`);
  row('diététicienne (Marie) occupée', pct(before.marie), pct(after.marie));
  row('infirmière ETP (Carole) occupée', pct(before.carole), pct(after.carole));
  row('  Marie : minutes occupées', before.marieMinutes.toFixed(0), after.marieMinutes.toFixed(0));
  row('  Carole : minutes occupées', before.caroleMinutes.toFixed(0), after.caroleMinutes.toFixed(0));
  row('parcours ETP collectif (min)', before.journey.toFixed(0), after.journey.toFixed(0));
  row('ETP collectif non terminés', String(before.unended), String(after.unended));
}
