/** Agenda integrations: the push entry point (API key) and the administrator's keys (create, revoke, journaled). */
import { pushAppointments } from '../import/push-appointments.js';
import { findProfile } from '../import/profiles.js';
import { createIntegration, listIntegrations, revokeIntegration } from '../integrations/integration-store.js';
import { ApiFailure } from './api-failure.js';
import { appendAudit } from '../db/journal-audit.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

export type IntegrationDeps = Pick<HandlerDeps, 'db' | 'service'>;

export function createIntegrationHandlers(
  deps: IntegrationDeps,
): Pick<Handlers, 'pushAppointments' | 'integrations' | 'createIntegration' | 'revokeIntegration'> {
  const { db, service } = deps;
  return {
    pushAppointments: async (ctx) => {
      // The route table let only a valid, unrevoked integration key through.
      const integration = ctx.integration;
      if (!integration) throw new ApiFailure('unauthenticated', 'Clé d’API d’intégration requise.');
      const values = findProfile(db, integration.profile)?.values;
      const report = await pushAppointments(
        db,
        service.centre(),
        integration,
        ctx.body,
        values,
        service.now(),
      );
      if (report.errors.length === 0) service.syncAppointments();
      return report;
    },
    integrations: () => ({ integrations: listIntegrations(db) }),
    createIntegration: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      const profile = ctx.body.profile ?? 'standard';
      if (!findProfile(db, profile))
        throw new ApiFailure('bad_request', `Profil d’import inconnu : ${profile}.`);
      return db.transaction(() => {
        const created = createIntegration(
          db,
          { name: ctx.body.name, source: ctx.body.source ?? ctx.body.name, profile },
          service.now(),
        );
        appendAudit(db, service.now(), 'integration.created', actor, {
          integrationId: created.integration.id,
          name: created.integration.name,
          source: created.integration.source,
        });
        return created;
      });
    },
    revokeIntegration: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      db.transaction(() => {
        if (!revokeIntegration(db, ctx.params.id, service.now()))
          throw new ApiFailure('not_found', 'Intégration inconnue ou déjà révoquée.');
        appendAudit(db, service.now(), 'integration.revoked', actor, { integrationId: ctx.params.id });
      });
      return { integrations: listIntegrations(db) };
    },
  };
}
