/**
 * Variants of a scenario that change the day, not the dispatcher (npm run
 * bench:day -- --what-if): they show how much of the excess over the
 * zero-wait bound is the staffing and the convocations rather than who
 * takes whom.
 */
import type { Id } from '@gfa/shared';
import { atMinutes, type Scenario } from './scenarios.js';

/** The professional starts at `from` (minutes after midnight) instead of their usual hour. */
export function withShiftFrom(scenario: Scenario, professionalId: Id, from: number): Scenario {
  return {
    ...scenario,
    name: `${scenario.name}, ${professionalId} dès ${Math.floor(from / 60)} h ${String(from % 60).padStart(2, '0')}`,
    shifts: scenario.shifts.map((s) => (s.professionalId === professionalId ? { ...s, from } : s)),
  };
}

/** The reasons of the morning wave (CCTP: EPS and EPS Constances convened in the morning). */
const WAVE: readonly Id[] = ['eps', 'eps-constances'];

/**
 * The morning wave's convocations (EPS without a named professional before
 * `until`) spread `factor` times wider from the first one.
 */
export function spreadWave(scenario: Scenario, factor: number, until = 10 * 60 + 30): Scenario {
  return {
    ...scenario,
    name: `${scenario.name}, vague du matin étalée ×${factor}`,
    appointments: (random) => {
      const list = scenario.appointments(random);
      const wave = list.filter(
        (a) =>
          WAVE.includes(a.reasonId) && a.professionalId === null && a.at < atMinutes(scenario.day, until),
      );
      const first = Math.min(...wave.map((a) => a.at));
      return list.map((a) =>
        wave.includes(a) ? { ...a, at: first + Math.round((a.at - first) * factor) } : a,
      );
    },
  };
}
