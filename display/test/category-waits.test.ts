/** The TV's wait per category, said as people read it from the waiting room (never « 0 min »). */
import { describe, expect, it } from 'vitest';
import { waitLabel } from '../src/CategoryWaits.js';

describe('wait per category on the TV', () => {
  it('rounds to 5 min under an hour and to the quarter above, with « moins de 5 min » at the bottom', () => {
    expect([0, 4, 5, 12, 13, 57, 58, 60, 80, 195].map(waitLabel)).toEqual([
      'moins de 5 min',
      'moins de 5 min',
      '~5 min',
      '~10 min',
      '~15 min',
      '~55 min',
      '~1 h',
      '~1 h',
      '~1 h 15',
      '~3 h 15',
    ]);
  });
});
