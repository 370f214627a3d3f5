import { describe, expect, it } from 'vitest';
import { durationKey, NO_HISTORY } from '../../src/domain/index.js';
import {
  interquartileMean,
  learnArrival,
  learnDurations,
  MIN_SAMPLES,
} from '../../src/stats/learn-durations.js';

describe('learned care durations', () => {
  it('Q-FORECAST-4: keeps the template estimate until enough history', () => {
    const few = Array.from({ length: MIN_SAMPLES - 1 }, () => ({
      reasonId: 'eps',
      stepKey: 'admin',
      categoryId: 'administratif',
      minutes: 7,
    }));
    expect(learnDurations(few).care).toEqual({});
  });

  it('Q-FORECAST-4: is robust to outliers: a forgotten "finish" does not move it', () => {
    const cares = [9, 10, 10, 11, 10, 9, 11, 10, 240, 1].map((minutes) => ({
      reasonId: 'eps',
      stepKey: 'admin',
      categoryId: 'administratif',
      minutes,
    }));
    expect(learnDurations(cares).care[durationKey('eps', 'admin', 'administratif')]).toBe(10);
    expect(interquartileMean([1, 2, 3, 100])).toBe(2.5);
  });

  it('Q-FORECAST-4: learns per step and category, ignores nonsense, keeps the rest of the model', () => {
    const cares = [
      ...Array.from({ length: 8 }, () => ({
        reasonId: 'eps',
        stepKey: 'medecin',
        categoryId: 'medecin',
        minutes: 30,
      })),
      ...Array.from({ length: 8 }, () => ({
        reasonId: 'eps',
        stepKey: 'medecin',
        categoryId: 'infirmier',
        minutes: -3,
      })),
    ];
    const model = learnDurations(cares, { ...NO_HISTORY, walkMinutes: 2 });
    expect(model.care).toEqual({ [durationKey('eps', 'medecin', 'medecin')]: 30 });
    expect(model.walkMinutes).toBe(2);
  });

  it('Q-FORECAST-4: learns a step shared by two journeys for each of them (the catalogue’s « entretien »)', () => {
    const cares = [
      ...Array.from({ length: 8 }, () => ({
        reasonId: 'tabac',
        stepKey: 'entretien',
        categoryId: 'infirmier',
        minutes: 30,
      })),
      ...Array.from({ length: 8 }, () => ({
        reasonId: 'eip',
        stepKey: 'entretien',
        categoryId: 'infirmier',
        minutes: 46,
      })),
    ];
    expect(learnDurations(cares).care).toEqual({
      [durationKey('tabac', 'entretien', 'infirmier')]: 30,
      [durationKey('eip', 'entretien', 'infirmier')]: 46,
    });
  });

  it('Q-FORECAST-4: learns the walk from the call to the start of care once there is enough of it', () => {
    const care = (walkMinutes: number) => ({
      reasonId: 'eps',
      stepKey: 'admin',
      categoryId: 'administratif',
      minutes: 10,
      walkMinutes,
    });
    expect(learnDurations([1, 2, 3].map(care)).walkMinutes).toBe(NO_HISTORY.walkMinutes);
    expect(learnDurations([2, 2, 2, 3, 3, 2, 2, 30].map(care)).walkMinutes).toBe(2.3);
  });

  it('Q-FORECAST-6: the away most consultants take after a step is learned, not a minority one', () => {
    const after = (stepKey: string, away: number | null) => ({
      reasonId: 'eps',
      stepKey,
      categoryId: 'preleveur',
      minutes: 10,
      awayAfter: away === null ? null : { reason: 'collation' as const, minutes: away },
    });
    const cares = [
      // 9 of 12 take the collation after the blood test (one very long), 3 do not.
      ...[15, 15, 15, 15, 15, 15, 15, 15, 90].map((m) => after('preleveur', m)),
      ...[null, null, null].map((m) => after('preleveur', m)),
      // 8 of 20 after the nurse: a minority, so none is forecast.
      ...Array.from({ length: 20 }, (_, i) => after('infirmier', i < 8 ? 10 : null)),
      // Without known outcomes nothing is said.
      ...Array.from({ length: 10 }, () => ({
        reasonId: 'eps',
        stepKey: 'admin',
        categoryId: 'administratif',
        minutes: 10,
      })),
    ];
    expect(learnDurations(cares).awayAfter).toEqual({ preleveur: { reason: 'collation', minutes: 15 } });
  });

  it('Q-FORECAST-3: learns how long each kind of away lasts, once there are enough of them', () => {
    const after = (minutes: number) => ({
      reasonId: 'eps',
      stepKey: 'preleveur',
      categoryId: 'preleveur',
      minutes: 10,
      awayAfter: { reason: 'collation' as const, minutes },
    });
    expect(learnDurations([12, 12, 12].map(after)).awayMinutes).toEqual({});
    const model = learnDurations([12, 12, 12, 12, 13, 13, 13, 13, 60].map(after), {
      ...NO_HISTORY,
      awayMinutes: { auto_prelevement: 8 },
    });
    expect(model.awayMinutes).toEqual({ auto_prelevement: 8, collation: 12.6 });
  });
});

describe('learned spread of care durations', () => {
  it('Q-FORECAST-7: keeps the quantiles of each care over its learned length, pooled', () => {
    const cares = [8, 9, 10, 10, 10, 10, 11, 12, 20, 30].flatMap((minutes) => [
      { reasonId: 'eps', stepKey: 'admin', categoryId: 'admin', minutes },
      { reasonId: 'eps', stepKey: 'medecin', categoryId: 'medecin', minutes: minutes * 3 },
    ]);
    const model = learnDurations(cares);
    expect(model.care).toEqual({ 'eps|admin|admin': 10.5, 'eps|medecin|medecin': 31.5 });
    expect(model.spread).toHaveLength(20);
    expect(model.spread?.[0]).toBeCloseTo(8 / 10.5, 2);
    expect(model.spread?.[19]).toBeCloseTo(30 / 10.5, 2);
    expect([...(model.spread ?? [])].sort((a, b) => a - b)).toEqual(model.spread);
    // Too few cares for a spread: none is said.
    expect(learnDurations(cares.slice(0, 10)).spread).toBeUndefined();
  });
});

describe('learned arrivals', () => {
  it('Q-FORECAST-8: the typical lateness and the one nine in ten did not exceed, once enough came', () => {
    expect(learnArrival([1, 2, 3])).toEqual({});
    const lateness = [-10, -5, -2, -2, 0, 0, 1, 2, 3, 5, 8, 40, Number.NaN];
    // Middle half of the 12 known: -2, 0, 0, 1, 2, 3 → 0.7 min late; the 11th of 12 is 8 min late.
    expect(learnArrival(lateness)).toEqual({ arrival: { lateMinutes: 0.7, giveUpMinutes: 8 } });
    // Everyone early: nobody is expected once their appointment has passed.
    expect(learnArrival(Array.from({ length: 10 }, () => -5)).arrival?.giveUpMinutes).toBe(0);
  });
});
