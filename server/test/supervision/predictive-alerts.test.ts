/** Predictive alerts: journey and wait rules warn when the forecast says the limit will be passed. */
import { describe, expect, it } from 'vitest';
import type { AlertRule } from '@gfa/shared';
import { forecast, NO_HISTORY } from '../../src/domain/index.js';
import { supervision } from '../../src/supervision/supervision.js';
import { T0, appointment, makeConfig, min, staff } from '../domain/fixtures.js';
import { RecordingDay, rule } from './recording-day.js';

/** One administrative agent, four EPS consultants arriving at once; nobody else present yet. */
function crowdedBox(...rules: AlertRule[]): { day: RecordingDay; ids: string[] } {
  const day = new RecordingDay(
    makeConfig({ alertRules: rules, policy: { maxWaitMinutes: 45, autoAssign: true } }),
  );
  day.available('christelle');
  for (const p of ['luc', 'carole', 'patrick']) day.available(p);
  const ids = ['a1', 'a2', 'a3', 'a4'].map((id) => day.arrive(appointment(id, 'eps', T0)));
  return { day, ids };
}

function boardWithForecast(day: RecordingDay) {
  return supervision({
    day: day.state.day,
    config: day.config,
    visits: Object.values(day.state.visits),
    desks: Object.values(day.state.desks),
    journal: day.journal,
    now: day.now,
    forecast: forecast(day.state, day.config, day.now, NO_HISTORY),
  });
}

describe('predictive alerts', () => {
  it('a journey forecast over its limit is announced at once, with the likely bottleneck', () => {
    const { day } = crowdedBox(rule('journey_too_long', 100));
    expect(day.board(0).alerts).toEqual([]); // nobody is over the limit yet
    const alerts = boardWithForecast(day).alerts;
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]?.kind).toBe('journey_too_long');
    expect(alerts[0]?.key).toMatch(/:prevu$/);
    expect(alerts[0]?.message).toMatch(/^Prévision : le parcours de .* durerait \d+ min \(limite 100 min\)/);
    expect(alerts.some((a) => a.message.includes('Goulot probable :'))).toBe(true);
  });

  it('a category whose forecast wait passes the threshold is announced', () => {
    const { day } = crowdedBox(rule('wait_too_long', 20, { categoryId: 'admin' }));
    const alerts = boardWithForecast(day).alerts;
    expect(alerts.map((a) => a.key)).toEqual(['r-wait_too_long:admin:prevu']);
    expect(alerts[0]?.message).toMatch(/^Prévision : attente moyenne de ~\d+ min en admin \(seuil 20 min\)/);
  });

  it('a journey forecast to end after closing is announced', () => {
    const { day } = crowdedBox(rule('journey_too_long', 600));
    day.config = {
      ...day.config,
      openingHours: { ...day.config.openingHours, closes: clockOf(T0 + min(60)) },
    };
    const alerts = boardWithForecast(day).alerts;
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts.every((a) => a.key.endsWith(':apres-fermeture'))).toBe(true);
    expect(alerts[0]?.message).toMatch(/après la fermeture/);
  });

  it('an alert already raised now is not doubled by its forecast', () => {
    const { day, ids } = crowdedBox(rule('journey_too_long', 30));
    day
      .at(40)
      .ok({ type: 'visit', visitId: ids[0] as string, action: { type: 'note', text: 'x' } }, staff('luc'));
    const now = boardWithForecast(day).alerts.filter((a) => a.visitId === ids[0]);
    expect(now.map((a) => a.key)).toEqual([`r-journey_too_long:${ids[0]}`]);
  });
});

function clockOf(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}
