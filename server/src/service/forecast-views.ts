/**
 * The forecast (Q-FORECAST-*) cut to what each screen may read: the
 * professional's desk, each visit's next care and journey end, the waits per
 * category, and the minutes a visitor who has just checked in will wait.
 */
import type {
  CategoryWaitsDto,
  CentreConfig,
  DeskForecastDto,
  Id,
  Millis,
  VisitForecastsDto,
} from '@gfa/shared';
import type { DayState, Forecast } from '../domain/index.js';
import { deskView } from './read-models.js';

const MINUTE = 60_000;
const IN_JOURNEY = new Set(['arrived', 'waiting', 'called', 'in_care', 'away']);

/** My next consultant, and those waiting in my queues in the order the forecast expects their care. */
export function deskForecast(
  forecast: Forecast,
  state: DayState,
  config: CentreConfig,
  professionalId: Id,
  now: Millis,
): DeskForecastDto {
  const view = deskView(state, config, professionalId, now);
  const visitIds = [...new Set([...view.mine, ...view.shared].map((e) => e.visitId))];
  const expected = (id: Id) => forecast.visits[id]?.nextCareAt ?? null;
  const coming = visitIds
    .map((visitId) => ({ visitId, expectedAt: expected(visitId) }))
    // Stable: the queue's own order stands between equal forecasts, and unforecast visits go last.
    .sort((a, b) => (a.expectedAt ?? Infinity) - (b.expectedAt ?? Infinity));
  return {
    at: forecast.at,
    nextConsultantAt: forecast.professionals[professionalId]?.nextConsultantAt ?? null,
    coming,
  };
}

export function visitForecasts(forecast: Forecast, state: DayState): VisitForecastsDto {
  return {
    at: forecast.at,
    visits: Object.values(state.visits)
      .filter((v) => IN_JOURNEY.has(v.state))
      .map((v) => ({
        visitId: v.id,
        nextCareAt: forecast.visits[v.id]?.nextCareAt ?? null,
        journeyEndAt: forecast.visits[v.id]?.journeyEndAt ?? null,
      })),
  };
}

/** Per category, the mean expected wait (whole minutes), in the configuration's order. No names. */
export function categoryWaits(forecast: Forecast, config: CentreConfig): CategoryWaitsDto {
  return {
    at: forecast.at,
    categories: config.categories.flatMap((c) => {
      const f = forecast.categories[c.id];
      return f && f.calls > 0
        ? [{ categoryId: c.id, waitMinutes: Math.max(0, Math.round(f.meanWaitMinutes)) }]
        : [];
    }),
  };
}

/** Q-FORECAST-1: whole minutes from now to the visit's next care (null: no forecast before the horizon). */
export function callInMinutes(forecast: Forecast, visitId: Id, now: Millis): number | null {
  const at = forecast.visits[visitId]?.nextCareAt;
  return at === null || at === undefined ? null : Math.max(0, Math.round((at - now) / MINUTE));
}
