/**
 * The event journal: every state change appends one or more of these in the
 * same SQLite transaction. Statistics, the audit trail and WS pushes read it.
 */
import { z } from 'zod';
import { Id, Millis } from './model.js';

export const ActorKind = z.enum(['user', 'device', 'system']);
export type ActorKind = z.infer<typeof ActorKind>;

export const ActorRef = z.object({ kind: ActorKind, id: Id });
export type ActorRef = z.infer<typeof ActorRef>;

export const DomainEventType = z.enum([
  'visit.registered',
  'visit.checked_in',
  'visit.sent_to_reception',
  'visit.offered',
  'visit.offer_released',
  'visit.called',
  'visit.recalled',
  'visit.requeued',
  'visit.care_started',
  'visit.care_finished',
  'visit.step_added',
  'visit.step_skipped',
  'visit.away',
  'visit.back',
  'visit.transferred',
  'visit.priority_changed',
  'visit.note_added',
  'visit.check_marked',
  'visit.left',
  'visit.done',
  'visit.no_show',
  /** An expected visit withdrawn because its appointment was cancelled or changed by an import. */
  'visit.withdrawn',
  /** A no-show, a departure or a forced end undone the same day (data.from: the state left). */
  'visit.reopened',
  /** An ECG / prélèvement tick removed (data: kind, mark). */
  'visit.check_unmarked',
  /** A second facilitator joined a group session (data.sessionId), one entry per participant. */
  'visit.facilitator_joined',
  'desk.changed',
]);
export type DomainEventType = z.infer<typeof DomainEventType>;

/** Who, when, which visit/step/professional, and type-specific details (never free-text names). */
const entryFields = {
  at: Millis,
  actor: ActorRef,
  visitId: Id.nullable(),
  stepId: Id.nullable(),
  professionalId: Id.nullable(),
  data: z.record(z.string(), z.unknown()),
};

/** What the engine emits. */
export const DomainEvent = z.object({ type: DomainEventType, ...entryFields });
export type DomainEvent = z.infer<typeof DomainEvent>;

/** Journal entries that are not queue transitions (audit trail). */
export const AuditEventType = z.enum([
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  /** Someone at the kiosk was not recognised and sent to reception (no identity recorded). */
  'checkin.unrecognised',
  /** Someone checked in at the kiosk for a journey already over (done, left, cancelled): sent to reception. */
  'checkin.journey_over',
  /** A satisfaction answer at the kiosk (data: score, linked; the visit id when linked). */
  'satisfaction.recorded',
  'config.changed',
  /** An appointment file was imported (counts only) or rejected (line-by-line report). */
  'import.completed',
  'import.rejected',
  /** Nightly anonymisation of the data older than the retention period (counts only). */
  'retention.anonymised',
  'user.created',
  'device.created',
  /** Enrolment of a shell (data: kind, hostname, ip; device id and name once approved). */
  'device.enrolment_requested',
  'device.approved',
  'device.refused',
  /** A device was cut off; its sessions and WebSockets closed at once. */
  'device.revoked',
  /** An agenda integration's API key was created or revoked (data: integrationId, name; never the key). */
  'integration.created',
  'integration.revoked',
  /** A kiosk left kiosk mode with the administrator's code, or a wrong code was typed (data: deviceId). */
  'kiosk.exit',
  'kiosk.exit_refused',
  /** Two-factor login set up, used with a recovery code, or reset by an administrator. */
  'auth.totp_enabled',
  'auth.recovery_code_used',
  'auth.totp_reset',
  /** Every session of the user closed (data: count). */
  'auth.logout_everywhere',
  /** A supervisor acknowledged an alert of the board (data.key). */
  'alert.acknowledged',
  /** Statistics or a full export were downloaded (data: kind, period, format). */
  'export.created',
  /** A backup made, or a database restored, from the command line (data: file names only). */
  'backup.created',
  'backup.restored',
  /** A scheduled or manual job ran (data: job, outcome, counts). */
  'job.completed',
  'job.failed',
]);
export type AuditEventType = z.infer<typeof AuditEventType>;

/** One stored journal row; `seq` is monotonic and is the WS sequence number. */
export const JournalEntry = z.object({
  seq: z.number().int().positive(),
  type: z.union([DomainEventType, AuditEventType]),
  ...entryFields,
});
export type JournalEntry = z.infer<typeof JournalEntry>;
