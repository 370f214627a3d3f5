/** The supervisor's board and the acknowledgement of its alerts. */
import { entriesBetween } from '../db/journal-store.js';
import { CENTRE_DISPATCHER } from '../service/dispatcher.js';
import { ForecastCache } from '../supervision/forecast-cache.js';
import { localInstant } from '../calendar/local-time.js';
import { supervision } from '../supervision/supervision.js';
import { appendAudit } from '../db/journal-audit.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

export function createSupervisionHandlers(
  deps: HandlerDeps,
): Pick<Handlers, 'supervision' | 'acknowledgeAlert'> {
  const { db, service } = deps;
  const forecasts = new ForecastCache(db, CENTRE_DISPATCHER);
  const board = () => {
    const state = service.state();
    const now = service.now();
    return supervision({
      day: state.day,
      config: service.centre(),
      visits: Object.values(state.visits),
      desks: Object.values(state.desks),
      journal: entriesBetween(db, localInstant(state.day, 0), localInstant(state.day, 24 * 60) - 1),
      now,
      forecast: forecasts.get(state, service.centre(), now),
    });
  };
  return {
    supervision: board,
    acknowledgeAlert: (ctx) => {
      const principal = requirePrincipal(ctx);
      const alert = board().alerts.find((a) => a.key === ctx.body.key);
      const entry = appendAudit(
        db,
        service.now(),
        'alert.acknowledged',
        actorOf(principal).ref,
        { key: ctx.body.key, kind: alert?.kind ?? null, ruleId: alert?.ruleId ?? null },
        alert?.visitId ?? null,
      );
      deps.onJournal(entry);
      return { ok: true };
    },
  };
}
