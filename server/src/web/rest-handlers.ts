/** The REST handlers, one per route of the shared route table. */
import type { FastifyReply } from 'fastify';
import type { Principal, RouteBody, RouteId, RouteParams, RouteQuery, RouteResponse } from '@gfa/shared';
import type { DisplaySettings, Integration, JournalEntry, MediaList } from '@gfa/shared';
import type { Actor, EngineCommand } from '../domain/index.js';
import type Database from 'better-sqlite3';
import type { Db } from '../db/database.js';
import { getSetting, setSetting } from '../db/config-store.js';
import { checkIn } from '../service/checkin.js';
import type { QueueService } from '../service/queue-service.js';
import { board, deskView, toVisitDto } from '../service/read-models.js';
import { ApiFailure, fromDomain } from './api-failure.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import { auditor } from './journal-audit.js';
import { createAdminHandlers } from './admin-handlers.js';
import { createSupervisionHandlers } from './supervision-handlers.js';
import { createImportHandlers } from './import-handlers.js';
import { createIntegrationHandlers } from './integration-handlers.js';
import { createCatalogueHandlers } from './catalogue-handlers.js';
import { createStatsHandlers } from './stats-handlers.js';
import { createJobHandlers } from './job-handlers.js';
import { createDeviceHandlers } from './device-handlers.js';
import { createAuthHandlers } from './auth-handlers.js';
import type { JobRegistry } from '../jobs/job-registry.js';
import type { SessionCheck } from '../security/sessions.js';
import { loadDay } from '../db/day-store.js';

export const DEFAULT_DISPLAY: DisplaySettings = { speech: false, nameFormat: 'civility' };

export interface RequestContext<R extends RouteId> {
  readonly principal: Principal | null;
  /** The agenda integration whose API key opened an `integration` route (null elsewhere). */
  readonly integration: Integration | null;
  readonly token: string | null;
  readonly ip: string;
  readonly params: RouteParams<R>;
  readonly query: RouteQuery<R>;
  readonly body: RouteBody<R>;
  readonly reply: FastifyReply;
}

export type Handlers = {
  [R in RouteId]: (ctx: RequestContext<R>) => Promise<RouteResponse<R>> | RouteResponse<R>;
};

export interface HandlerDeps {
  readonly db: Db;
  /** The raw connection, for the full export that reads every table. */
  readonly sqlite: Database.Database;
  readonly service: QueueService;
  readonly version: string;
  readonly openapi: Record<string, unknown>;
  readonly media: () => MediaList;
  readonly onReceptionAlert: (entry: JournalEntry) => void;
  readonly onConfigChanged: (entry: JournalEntry) => void;
  /** Other journal entries the board shows live (acknowledgements). */
  readonly onJournal: (entry: JournalEntry) => void;
  /** The data directory (backup passphrase file) and the scheduled jobs. */
  readonly dataDir: string;
  readonly jobs: JobRegistry;
  /** Closes the open WebSockets of a revoked device or of a user logged out everywhere. */
  readonly disconnect: (who: { kind: 'user' | 'device'; id: string }) => void;
  /** The session rules in force (idle timeout), read per request so a change applies at once. */
  readonly sessionCheck: () => SessionCheck;
}

function professionalOf(principal: Principal): string {
  if (principal.kind !== 'user' || !principal.professionalId) {
    // Not a rights problem (the route is open to staff): this account simply has no desk.
    throw new ApiFailure('not_found', "Aucun poste de professionnel n'est associé à votre compte.");
  }
  return principal.professionalId;
}

export function createHandlers(deps: HandlerDeps): Handlers {
  const { db, service } = deps;
  /** Appends an audit entry (login, logout, kiosk refusals) to the journal. */
  const audit = auditor(db, () => service.now());

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
    ...createAdminHandlers(deps),
    ...createSupervisionHandlers(deps),
    ...createImportHandlers(deps),
    ...createIntegrationHandlers(deps),
    ...createCatalogueHandlers(deps),
    ...createStatsHandlers(deps),
    ...createJobHandlers(deps),
    ...createDeviceHandlers(deps),
    ...createAuthHandlers(deps),
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
      const { response, toReception } = checkIn(service, db, ctx.body, actorOf(principal));
      if (toReception) deps.onReceptionAlert(audit('checkin.unrecognised', actorOf(principal).ref));
      return response;
    },

    visits: (ctx) => {
      const today = service.state();
      const day = ctx.query.date ?? today.day;
      const state = day === today.day ? today : loadDay(db, day);
      return { visits: Object.values(state.visits).map((v) => toVisitDto(v, service.centre())) };
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
