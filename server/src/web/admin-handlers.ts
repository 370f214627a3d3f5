/**
 * The administration routes: every change is validated (French message),
 * written with its journal entry (who, when, before, after) in ONE
 * transaction (`recordChange`), which also reloads and pushes the
 * configuration once committed.
 */
import type { AdminUser, CentreConfig } from '@gfa/shared';
import { saveCategory, saveReason, saveRoom, saveTemplate } from '../db/config-store.js';
import { readSetting, writeSetting } from '../db/settings-store.js';
import { findAdminUser, listAdminUsers, writeUser } from '../admin/user-admin.js';
import {
  alertRulesProblem,
  codeProblem,
  templateProblem,
  userProblem,
  type Problem,
} from '../admin/validate-config.js';
import { deleteUserSessions } from '../db/staff-store.js';
import { hashPassword, hashToken } from '../security/secrets.js';
import { ApiFailure } from './api-failure.js';
import { recordChange } from '../db/record-change.js';
import { writeTransaction, type Tx } from '../db/tx.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers, RequestContext } from './handler-types.js';

type AdminRoute =
  | 'adminUsers'
  | 'saveUser'
  | 'saveCategory'
  | 'saveRoom'
  | 'saveReason'
  | 'saveTemplate'
  | 'savePolicy'
  | 'saveAlertRules'
  | 'saveOpeningHours';

const refuse = (problem: Problem): void => {
  if (problem) throw new ApiFailure('bad_request', problem);
};

export type AdminDeps = Pick<HandlerDeps, 'db' | 'service' | 'disconnect'>;

export function createAdminHandlers(deps: AdminDeps): Pick<Handlers, AdminRoute> {
  const { db, service } = deps;
  const config = (): CentreConfig => service.centre();

  /** Writes and journals (before/after) one change; published once committed. */
  const change = <T>(
    ctx: RequestContext<AdminRoute>,
    subject: string,
    before: unknown,
    write: (tx: Tx) => T,
  ): T => {
    const actor = actorOf(requirePrincipal(ctx)).ref;
    return writeTransaction(db, (tx) => {
      const after = write(tx);
      recordChange(tx, { at: service.now(), actor, subject, before, after });
      return after;
    });
  };
  const id = (ctx: { params: { id?: string } }): string => ctx.params.id as string;

  return {
    adminUsers: () => ({ users: listAdminUsers(db) }),

    saveUser: async (ctx) => {
      const { password, ...fields } = ctx.body;
      const user: AdminUser = { id: id(ctx), ...fields };
      refuse(userProblem(user, password, listAdminUsers(db), config()));
      const hash = password ? await hashPassword(password) : null;
      const self = requirePrincipal(ctx).id === user.id;
      const saved = change(ctx, `user:${user.id}`, findAdminUser(db, user.id), (tx) => {
        writeUser(tx, user, hash, service.now());
        // A new password ends the account's other sessions: whoever knew the old one is out.
        if (hash) deleteUserSessions(tx, user.id, self && ctx.token ? hashToken(ctx.token) : undefined);
        return findAdminUser(tx, user.id) as AdminUser;
      });
      // Password, roles, desk or activity changed: the account's open sockets are re-checked at once
      // (closed where the session ended; the administrator's own kept session stays open).
      deps.disconnect({ kind: 'user', id: user.id });
      return saved;
    },

    saveCategory: (ctx) => {
      const category = { id: id(ctx), ...ctx.body };
      refuse(codeProblem(category.id, category.code, config().categories));
      const before = config().categories.find((c) => c.id === category.id) ?? null;
      return change(ctx, `category:${category.id}`, before, (tx) => {
        saveCategory(tx, category);
        return category;
      });
    },

    saveRoom: (ctx) => {
      const site = config().sites[0];
      if (!site) throw new ApiFailure('bad_request', 'Aucun site n’est configuré.');
      const before = config().rooms.find((r) => r.id === id(ctx)) ?? null;
      const room = { id: id(ctx), siteId: before?.siteId ?? site.id, ...ctx.body };
      return change(ctx, `room:${room.id}`, before, (tx) => {
        saveRoom(tx, room);
        return room;
      });
    },

    saveReason: (ctx) => {
      const reason = { id: id(ctx), ...ctx.body };
      refuse(codeProblem(reason.id, reason.code, config().reasons));
      const before = config().reasons.find((r) => r.id === reason.id) ?? null;
      return change(ctx, `reason:${reason.id}`, before, (tx) => {
        saveReason(tx, reason);
        return reason;
      });
    },

    saveTemplate: (ctx) => {
      const reasonId = id(ctx);
      if (!config().reasons.some((r) => r.id === reasonId))
        throw new ApiFailure('not_found', 'Motif de visite introuvable.');
      refuse(templateProblem(ctx.body.steps, config()));
      const before = config().templates.find((t) => t.reasonId === reasonId) ?? null;
      // A new version: visits in progress keep the version they started with.
      return change(ctx, `template:${reasonId}`, before, (tx) =>
        saveTemplate(tx, reasonId, ctx.body.steps, service.now()),
      );
    },

    savePolicy: (ctx) =>
      change(ctx, 'policy', readSetting(db, 'policy'), (tx) => {
        writeSetting(tx, 'policy', ctx.body);
        return ctx.body;
      }),

    saveAlertRules: (ctx) => {
      refuse(alertRulesProblem(ctx.body.rules, config()));
      return change(ctx, 'alertRules', config().alertRules, (tx) => {
        writeSetting(tx, 'alertRules', ctx.body.rules);
        return { rules: ctx.body.rules };
      });
    },

    saveOpeningHours: (ctx) =>
      change(ctx, 'openingHours', readSetting(db, 'openingHours'), (tx) => {
        writeSetting(tx, 'openingHours', ctx.body);
        return ctx.body;
      }),
  };
}
