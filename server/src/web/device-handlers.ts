/** Device enrolment (public side for the shells), Administration › Appareils, and the kiosks' exit code. */
import { DeviceKindLabels } from '@gfa/shared';
import { listAdminDevices, pendingEnrolments } from '../db/device-store.js';
import {
  approveEnrolment,
  collectEnrolment,
  refuseEnrolment,
  requestEnrolment,
  revokeDevice,
  type EnrolmentRefusal,
} from '../security/enrolment.js';
import { kioskExitCodeMatches, kioskExitCodeStatus, writeKioskExitCode } from '../security/kiosk-exit.js';
import { hashPassword } from '../security/secrets.js';
import { ApiFailure } from './api-failure.js';
import { AttemptThrottle } from './rate-limit.js';
import { appendAudit } from '../db/journal-audit.js';
import { recordChange } from '../db/record-change.js';
import { writeTransaction } from '../db/tx.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

type DeviceRoute =
  | 'requestEnrolment'
  | 'enrolmentStatus'
  | 'adminDevices'
  | 'approveEnrolment'
  | 'refuseEnrolment'
  | 'revokeDevice'
  | 'kioskExitCode'
  | 'saveKioskExitCode'
  | 'kioskExit';

const REFUSALS: Record<EnrolmentRefusal, ApiFailure> = {
  too_many: new ApiFailure('rate_limited', 'Trop de demandes d’appairage en attente : réessayez plus tard.'),
  unknown_code: new ApiFailure('bad_request', 'Aucune demande d’appairage en attente avec ce code.'),
  unknown_request: new ApiFailure('not_found', 'Demande d’appairage inconnue ou expirée.'),
  not_pending: new ApiFailure('conflict', 'Cette demande d’appairage a déjà été traitée.'),
};

export type DeviceDeps = Pick<HandlerDeps, 'db' | 'service' | 'disconnect'>;

export function createDeviceHandlers(deps: DeviceDeps): Pick<Handlers, DeviceRoute> {
  const { db, service } = deps;
  /** Five wrong exit codes on a kiosk lock its exit for a minute: a short code cannot be tried out. */
  const exitThrottle = new AttemptThrottle(db);
  const enrolmentActor = { kind: 'system', id: 'enrolment' } as const;

  return {
    requestEnrolment: (ctx) => {
      const now = service.now();
      const outcome = db.transaction(() => {
        const made = requestEnrolment(db, { ...ctx.body, ip: ctx.ip }, now);
        if (made.ok)
          appendAudit(db, now, 'device.enrolment_requested', enrolmentActor, {
            enrolmentId: made.value.id,
            kind: ctx.body.kind,
            hostname: ctx.body.hostname,
            ip: ctx.ip,
          });
        return made;
      });
      if (!outcome.ok) throw REFUSALS[outcome.reason];
      ctx.reply.status(201);
      const { requestId, code, expiresAt } = outcome.value;
      return { requestId, code, expiresAt };
    },

    enrolmentStatus: (ctx) => {
      const outcome = db.transaction(() => collectEnrolment(db, ctx.params.requestId, service.now()));
      if (!outcome.ok) throw REFUSALS[outcome.reason];
      return outcome.value;
    },

    adminDevices: () => ({ devices: listAdminDevices(db), pending: pendingEnrolments(db, service.now()) }),

    approveEnrolment: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      const now = service.now();
      const outcome = db.transaction(() => {
        const approved = approveEnrolment(db, ctx.body, now);
        if (approved.ok) {
          const { device, requestedKind, ip } = approved.value;
          appendAudit(db, now, 'device.approved', actor, {
            deviceId: device.id,
            name: device.name,
            kind: device.kind,
            requestedKind,
            hostname: device.hostname,
            ip,
          });
        }
        return approved;
      });
      if (!outcome.ok) throw REFUSALS[outcome.reason];
      return outcome.value.device;
    },

    refuseEnrolment: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      const now = service.now();
      const outcome = db.transaction(() => {
        const refused = refuseEnrolment(db, ctx.params.id, now);
        if (refused.ok)
          appendAudit(db, now, 'device.refused', actor, {
            enrolmentId: ctx.params.id,
            hostname: refused.value.hostname,
          });
        return refused;
      });
      if (!outcome.ok) throw REFUSALS[outcome.reason];
      return { ok: true as const };
    },

    kioskExitCode: () => kioskExitCodeStatus(db),

    saveKioskExitCode: async (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      const hash = await hashPassword(ctx.body.code);
      const before = kioskExitCodeStatus(db);
      writeTransaction(db, (tx) => {
        writeKioskExitCode(tx, hash, service.now());
        // The journal records that it changed, never the code.
        recordChange(tx, {
          at: service.now(),
          actor,
          subject: 'kiosk-exit-code',
          before: { set: before.set },
          after: { set: true },
        });
      });
      return kioskExitCodeStatus(db);
    },

    kioskExit: async (ctx) => {
      const principal = requirePrincipal(ctx);
      const now = service.now();
      const key = `kiosk-exit|${principal.id}`;
      // Reserved before the hash check: codes tried in parallel count from the start.
      const attempt = exitThrottle.reserve(key, now);
      if (!attempt) return { verdict: 'locked' as const };
      try {
        const ok = await kioskExitCodeMatches(db, ctx.body.code);
        appendAudit(db, now, ok ? 'kiosk.exit' : 'kiosk.exit_refused', actorOf(principal).ref, {
          deviceId: principal.id,
        });
        if (ok) {
          attempt.succeed();
          return { verdict: 'exit' as const };
        }
        return { verdict: attempt.fail(service.now()) ? ('locked' as const) : ('wrong-code' as const) };
      } finally {
        attempt.release();
      }
    },

    revokeDevice: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      const now = service.now();
      const device = db.transaction(() => {
        const revoked = revokeDevice(db, ctx.params.id, now);
        if (revoked)
          appendAudit(db, now, 'device.revoked', actor, {
            deviceId: revoked.id,
            name: revoked.name,
            kind: DeviceKindLabels[revoked.kind],
          });
        return revoked;
      });
      if (!device) throw new ApiFailure('not_found', 'Appareil introuvable.');
      // Sessions are gone from the database; its open WebSockets go now, not at their next message.
      deps.disconnect({ kind: 'device', id: device.id });
      return device;
    },
  };
}
