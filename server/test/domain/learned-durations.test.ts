import { describe, expect, it } from 'vitest';
import { durationKey, NO_HISTORY } from '../../src/domain/index.js';
import { interquartileMean, learnDurations, MIN_SAMPLES } from '../../src/stats/learn-durations.js';

describe('learned care durations', () => {
  it('Q-FORECAST-4: keeps the template estimate until enough history', () => {
    const few = Array.from({ length: MIN_SAMPLES - 1 }, () => ({
      stepKey: 'admin',
      categoryId: 'administratif',
      minutes: 7,
    }));
    expect(learnDurations(few).care).toEqual({});
  });

  it('Q-FORECAST-4: is robust to outliers: a forgotten "finish" does not move it', () => {
    const cares = [9, 10, 10, 11, 10, 9, 11, 10, 240, 1].map((minutes) => ({
      stepKey: 'admin',
      categoryId: 'administratif',
      minutes,
    }));
    expect(learnDurations(cares).care[durationKey('admin', 'administratif')]).toBe(10);
    expect(interquartileMean([1, 2, 3, 100])).toBe(2.5);
  });

  it('Q-FORECAST-4: learns per step and category, ignores nonsense, keeps the rest of the model', () => {
    const cares = [
      ...Array.from({ length: 8 }, () => ({ stepKey: 'medecin', categoryId: 'medecin', minutes: 30 })),
      ...Array.from({ length: 8 }, () => ({ stepKey: 'medecin', categoryId: 'infirmier', minutes: -3 })),
    ];
    const model = learnDurations(cares, { ...NO_HISTORY, walkMinutes: 2 });
    expect(model.care).toEqual({ [durationKey('medecin', 'medecin')]: 30 });
    expect(model.walkMinutes).toBe(2);
  });
});
