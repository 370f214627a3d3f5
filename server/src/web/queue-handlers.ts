/** The queue routes: check-in, the day's visits, visit actions, the desk and the board. */
import type { CheckinResponse } from '@gfa/shared';
import type { Actor, EngineCommand } from '../domain/index.js';
import { writeTransaction } from '../db/tx.js';
import { checkIn } from '../service/checkin.js';
import { board, deskView, toVisitDto } from '../service/read-models.js';
import { ApiFailure, fromDomain } from './api-failure.js';
import { actorOf, professionalOf, requirePrincipal } from './principal-context.js';
import type { ForecastCache } from '../supervision/forecast-cache.js';
import { callInMinutes } from '../service/forecast-views.js';
import type { HandlerDeps, Handlers } from './handler-types.js';
import { appendAudit } from '../db/journal-audit.js';
import { AttemptThrottle } from './rate-limit.js';
import { recordReceptionAlert } from '../db/reception-alert-store.js';
import { loadDay } from '../db/day-store.js';
import { appointmentsOfDay } from '../db/appointment-store.js';

type QueueRoute =
  | 'config'
  | 'checkin'
  | 'visits'
  | 'convocationReferences'
  | 'registerVisit'
  | 'visitAction'
  | 'desk'
  | 'callNext'
  | 'presence'
  | 'board';

const CHECKIN_LOCKED = new ApiFailure(
  'rate_limited',
  'Trop d’essais sur cette borne : merci de vous présenter à l’accueil.',
);

export type QueueDeps = Pick<HandlerDeps, 'db' | 'service' | 'onReceptionAlert'>;

export function createQueueHandlers(deps: QueueDeps, forecasts: ForecastCache): Pick<Handlers, QueueRoute> {
  const { db, service } = deps;
  /** Q-FORECAST-1: the kiosk tells the visitor when they will be called, from a forecast that knows them. */
  const withCallEstimate = (response: CheckinResponse): CheckinResponse => {
    if (response.outcome !== 'recognised') return response;
    const forecast = forecasts.get(service.state(), service.centre(), service.now(), true);
    return { ...response, callInMinutes: callInMinutes(forecast, response.visitId, service.now()) };
  };
  /** Ten unrecognised check-ins a minute per kiosk: a mistyped name now and then, not a search. */
  const checkinThrottle = new AttemptThrottle(db, 10, 60_000);

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

  return {
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
        const [entry, alert] = writeTransaction(db, (tx) => [
          appendAudit(tx, service.now(), sentToReception, actorOf(principal).ref),
          recordReceptionAlert(tx, {
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
