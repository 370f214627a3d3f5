/** The what-if variants of bench:day change the day, not the rules. */
import { describe, expect, it } from 'vitest';
import { keyedRandom } from '../../src/simulation/keyed-random.js';
import { atMinutes, tenderLikeScenario } from '../../src/simulation/scenarios.js';
import { spreadWave, withShiftFrom } from '../../src/simulation/what-if.js';

describe('what-if scenarios', () => {
  const tender = tenderLikeScenario();

  it('moves one professional’s start and nobody else’s', () => {
    const early = withShiftFrom(tender, 'agathe', 7 * 60 + 30);
    expect(early.shifts.find((s) => s.professionalId === 'agathe')?.from).toBe(7 * 60 + 30);
    const others = (s: typeof tender) => s.shifts.filter((x) => x.professionalId !== 'agathe');
    expect(others(early)).toEqual(others(tender));
  });

  it('spreads the morning EPS wave from its first convocation and leaves named appointments alone', () => {
    const random = keyedRandom(1);
    const before = tender.appointments(random);
    const after = spreadWave(tender, 1.4).appointments(keyedRandom(1));
    const first = Math.min(...before.map((a) => a.at));
    const limit = atMinutes(tender.day, 10 * 60 + 30);
    before.forEach((a, i) => {
      const moved = after[i];
      const inWave =
        ['eps', 'eps-constances'].includes(a.reasonId) && a.professionalId === null && a.at < limit;
      expect(moved?.at).toBe(inWave ? first + Math.round((a.at - first) * 1.4) : a.at);
    });
    const last = (list: typeof before) =>
      Math.max(...list.filter((a) => a.reasonId === 'eps').map((a) => a.at));
    expect(last(after) - first).toBeCloseTo((last(before) - first) * 1.4, -4);
  });
});
