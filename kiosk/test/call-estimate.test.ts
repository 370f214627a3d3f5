/** The kiosk's « dans environ … » (Q-FORECAST-1 shown to the visitor): rounded as spoken, never « 0 minute ». */
import { describe, expect, it } from 'vitest';
import { callEstimateText, NO_ESTIMATE } from '../src/call-estimate.js';

describe('call estimate at the kiosk', () => {
  it('says a safe sentence without a forecast', () => {
    for (const minutes of [null, undefined, Number.NaN, -3])
      expect(callEstimateText(minutes)).toBe(NO_ESTIMATE);
  });

  it('never says « 0 minute »: a call due now is « dans quelques instants »', () => {
    for (const minutes of [0, 1, 2]) {
      expect(callEstimateText(minutes)).toBe('Vous serez appelé(e) dans quelques instants.');
    }
  });

  it('rounds to the minute under 10 min, to 5 min under an hour, to a quarter above', () => {
    expect(callEstimateText(3)).toBe('Vous serez appelé(e) dans environ 3 minutes.');
    expect(callEstimateText(9.4)).toBe('Vous serez appelé(e) dans environ 9 minutes.');
    expect(callEstimateText(11)).toBe('Vous serez appelé(e) dans environ 10 minutes.');
    expect(callEstimateText(13)).toBe('Vous serez appelé(e) dans environ 15 minutes.');
    expect(callEstimateText(58)).toBe('Vous serez appelé(e) dans environ 1 heure.');
    expect(callEstimateText(80)).toBe('Vous serez appelé(e) dans environ 1 h 15.');
    expect(callEstimateText(125)).toBe('Vous serez appelé(e) dans environ 2 heures.');
  });
});
