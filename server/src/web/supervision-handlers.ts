/** The supervisor's board and the acknowledgement of its alerts. */
import type { ForecastCache } from '../supervision/forecast-cache.js';
import { appendAudit } from '../db/journal-audit.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';
import { cachedBoard } from './supervision-board.js';

export type SupervisionDeps = Pick<HandlerDeps, 'db' | 'service' | 'onJournal'>;

export function createSupervisionHandlers(
  deps: SupervisionDeps,
  forecasts: ForecastCache,
): Pick<Handlers, 'supervision' | 'acknowledgeAlert'> {
  const { db, service } = deps;
  const board = cachedBoard(db, service, forecasts);
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
