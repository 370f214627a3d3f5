/**
 * The forecast where people decide (issue 17, item 4): the professional's
 * desk, the staff's per-visit view and the TVs' per-category waits, all read
 * from the one throttled forecast the supervision also uses.
 */
import { readSetting } from '../db/settings-store.js';
import type { ForecastCache } from '../supervision/forecast-cache.js';
import { categoryWaits, deskForecast, visitForecasts } from '../service/forecast-views.js';
import { professionalOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

export function createForecastHandlers(
  deps: HandlerDeps,
  forecasts: ForecastCache,
): Pick<Handlers, 'deskForecast' | 'visitForecasts' | 'categoryWaits'> {
  const { service } = deps;
  const current = () => {
    const state = service.state();
    return { state, forecast: forecasts.get(state, service.centre(), service.now()) };
  };
  return {
    deskForecast: (ctx) => {
      const professionalId = professionalOf(requirePrincipal(ctx));
      const { state, forecast } = current();
      return deskForecast(forecast, state, service.centre(), professionalId, service.now());
    },
    visitForecasts: () => {
      const { state, forecast } = current();
      return visitForecasts(forecast, state);
    },
    categoryWaits: (ctx) => {
      const waits = categoryWaits(current().forecast, service.centre());
      // A TV gets the waits only when the administrator chose to show them; staff always may.
      const tv = requirePrincipal(ctx).kind === 'device';
      const shown = readSetting(deps.db, 'display').categoryWaits === true;
      return tv && !shown ? { ...waits, categories: [] } : waits;
    },
  };
}
