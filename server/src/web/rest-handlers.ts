/** The REST handlers, one per route of the shared route table. */
import type { CheckinResponse } from '@gfa/shared';
import type { Actor, EngineCommand } from '../domain/index.js';
import type { Db } from '../db/database.js';
import { getSetting, setSetting } from '../db/config-store.js';
import { checkIn } from '../service/checkin.js';
import { board, deskView, toVisitDto } from '../service/read-models.js';
import { ApiFailure, fromDomain } from './api-failure.js';
import { actorOf, professionalOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';
import { appendAudit, auditor } from '../db/journal-audit.js';
import { AttemptThrottle } from './rate-limit.js';
import { recordReceptionAlert } from '../db/reception-alert-store.js';
import { createAdminHandlers } from './admin-handlers.js';
import { createSupervisionHandlers } from './supervision-handlers.js';
import { createForecastHandlers } from './forecast-handlers.js';
import { createSatisfactionHandlers } from './satisfaction-handlers.js';
import { ForecastCache } from '../supervision/forecast-cache.js';
import { CENTRE_DISPATCHER } from '../service/dispatcher.js';
import { callInMinutes } from '../service/forecast-views.js';
import { createImportHandlers } from './import-handlers.js';
import { createIntegrationHandlers } from './integration-handlers.js';
import { createCatalogueHandlers } from './catalogue-handlers.js';
import { createStatsHandlers } from './stats-handlers.js';
import { createJobHandlers } from './job-handlers.js';
import { createDeviceHandlers } from './device-handlers.js';
import { createAuthHandlers } from './auth-handlers.js';
import { createDisplayHandlers, DEFAULT_DISPLAY } from './display-handlers.js';
import { loadDay } from '../db/day-store.js';
import { appointmentsOfDay } from '../db/appointment-store.js';

const CHECKIN_LOCKED = new ApiFailure(
  'rate_limited',
  'Trop d’essais sur cette borne : merci de vous présenter à l’accueil.',
);

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, service } = deps;
  /** Appends an audit entry (login, logout, kiosk refusals) to the journal. */
  const audit = auditor(db, () => service.now());
  /** Ten unrecognised check-ins a minute per kiosk: a mistyped name now and then, not a search. */
  const checkinThrottle = new AttemptThrottle(db, 10, 60_000);
  /** One forecast for the board, the desks, the TVs and the kiosk (it runs the rest of the day). */
  const forecasts = new ForecastCache(db, CENTRE_DISPATCHER);

  const run = (command: EngineCommand, actor: Actor): string | null => {
    const result = service.execute(command, actor);
    if (!result.ok) throw fromDomain(result.error);
    return result.visitId;
  };
  const visitDto = (id: string) => {
    const visit = service.state().visits[id];
    if (!visit) throw new ApiFailure('not_found', 'Consultant introuvable.');
    return toVisitDto(visit, service.centre());
  };

  /** Q-FORECAST-1: the kiosk tells the visitor when they will be called, from a forecast that knows them. */
  const withCallEstimate = (response: CheckinResponse): CheckinResponse => {
    if (response.outcome !== 'recognised') return response;
    const forecast = forecasts.get(service.state(), service.centre(), service.now(), true);
    return { ...response, callInMinutes: callInMinutes(forecast, response.visitId, service.now()) };
  };

  return {
    ...createAdminHandlers(deps),
    ...createSupervisionHandlers(deps, forecasts),
    ...createForecastHandlers(deps, forecasts),
    ...createSatisfactionHandlers(deps),
    ...createImportHandlers(deps),
    ...createIntegrationHandlers(deps),
    ...createCatalogueHandlers(deps),
    ...createStatsHandlers(deps),
    ...createJobHandlers(deps),
    ...createDeviceHandlers(deps),
    ...createAuthHandlers(deps),
    ...createDisplayHandlers(deps),
    health: () => ({ status: 'ok', version: deps.version }),
    openapi: () => deps.openapi,
    media: () => deps.media(),
    displaySettings: () => getSetting(db, 'display', DEFAULT_DISPLAY),
    saveDisplaySettings: (ctx) => {
      const principal = requirePrincipal(ctx);
      const entry = db.transaction(() => {
        const before = getSetting(db, 'display', DEFAULT_DISPLAY);
        setSetting(db, 'display', ctx.body);
        return audit('config.changed', actorOf(principal).ref, {
          subject: 'display-settings',
          before,
          after: ctx.body,
        });
      });
      deps.onConfigChanged(entry);
      return ctx.body;
    },

    config: () => service.centre(),

    checkin: (ctx) => {
      const principal = requirePrincipal(ctx);
      // A kiosk's unrecognised check-ins are counted: a name and a birth date cannot be tried out.
      const attempt =
        principal.kind === 'device'
          ? checkinThrottle.reserve(`checkin|${principal.id}`, service.now())
          : null;
      if (principal.kind === 'device' && !attempt) throw CHECKIN_LOCKED;
      try {
        const { response, alert: sentToReception } = checkIn(service, db, ctx.body, actorOf(principal));
        if (sentToReception === 'checkin.unrecognised') attempt?.fail(service.now());
        if (!sentToReception) return withCallEstimate(response);
        // The journal gets no name (privacy); what was typed stays in the alert, purged with nominative data.
        const [entry, alert] = db.transaction((tx) => [
          appendAudit(tx as unknown as Db, service.now(), sentToReception, actorOf(principal).ref),
          recordReceptionAlert(tx as unknown as Db, {
            day: service.state().day,
            at: service.now(),
            kioskId: actorOf(principal).ref.id,
            reason: sentToReception === 'checkin.journey_over' ? 'journey_over' : 'not_found',
            by: ctx.body.by,
          }),
        ]);
        deps.onReceptionAlert(entry, alert);
        return response;
      } finally {
        // A recognised visitor does not wipe the count: one real appointment cannot reset it.
        attempt?.release();
      }
    },

    visits: (ctx) => {
      const today = service.state();
      const day = ctx.query.date ?? today.day;
      const state = day === today.day ? today : loadDay(db, day);
      return { visits: Object.values(state.visits).map((v) => toVisitDto(v, service.centre())) };
    },

    convocationReferences: () => {
      const references: Record<string, string> = {};
      for (const a of appointmentsOfDay(db, service.state().day))
        if (a.reference) references[a.id] = a.reference;
      return { references };
    },

    registerVisit: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx));
      const body = ctx.body;
      if ('appointmentId' in body) {
        const visit = Object.values(service.state().visits).find(
          (v) => v.appointmentId === body.appointmentId,
        );
        if (!visit) throw new ApiFailure('not_found', "Rendez-vous introuvable aujourd'hui.");
        run({ type: 'check_in', visitId: visit.id }, actor);
        return { visit: visitDto(visit.id) };
      }
      const id = run(
        {
          type: 'walk_in',
          identity: body.identity,
          reasonId: body.reasonId,
          professionalId: body.professionalId ?? null,
        },
        actor,
      );
      return { visit: visitDto(id as string) };
    },

    visitAction: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx));
      const id = ctx.params.id as string;
      run({ type: 'visit', visitId: id, action: ctx.body }, actor);
      return { visit: visitDto(id) };
    },

    desk: (ctx) => {
      const professionalId = professionalOf(requirePrincipal(ctx));
      return deskView(service.state(), service.centre(), professionalId, service.now());
    },

    callNext: (ctx) => {
      const principal = requirePrincipal(ctx);
      const professionalId = professionalOf(principal);
      const id = run({ type: 'desk', professionalId, action: { type: 'call_next' } }, actorOf(principal));
      return { visit: visitDto(id as string) };
    },

    presence: (ctx) => {
      const principal = requirePrincipal(ctx);
      const professionalId = professionalOf(principal);
      run({ type: 'desk', professionalId, action: { type: 'presence', ...ctx.body } }, actorOf(principal));
      return deskView(service.state(), service.centre(), professionalId, service.now());
    },

    board: () => board(service.state(), service.centre(), service.now()),
  };
}
