/**
 * The domain vocabulary shared by the server and every client.
 * Each shape is a zod schema so that both ends validate at runtime; the
 * TypeScript types are inferred from them, never written twice.
 */
import { z } from 'zod';
import { contactShape } from './appointment-fields.js';

export const Id = z.string().min(1).max(64);
export type Id = z.infer<typeof Id>;

/** Epoch milliseconds. Time is always an input to the engine, never read by it. */
export const Millis = z.number().int().nonnegative();
export type Millis = z.infer<typeof Millis>;

/** A calendar day in the centre's local time, `YYYY-MM-DD`. */
export const DayString = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date attendue au format AAAA-MM-JJ');
export type DayString = z.infer<typeof DayString>;

export const Role = z.enum(['user', 'supervisor', 'administrator']);
export type Role = z.infer<typeof Role>;

export const DeviceKind = z.enum(['kiosk', 'display', 'workstation']);
export type DeviceKind = z.infer<typeof DeviceKind>;

export const Civility = z.enum(['M.', 'Mme', '']);
export type Civility = z.infer<typeof Civility>;

// ---------------------------------------------------------------- configuration

export const Site = z.object({ id: Id, name: z.string().min(1).max(120) });
export type Site = z.infer<typeof Site>;

export const Category = z.object({
  id: Id,
  code: z.string().min(1).max(40),
  label: z.string().min(1).max(80),
  /** Administrative staff (reception): land on « Accueil », see no clinical controls. Absent = false. */
  administrative: z.boolean().optional(),
});
export type Category = z.infer<typeof Category>;

export const Room = z.object({
  id: Id,
  siteId: Id,
  /** Label shown on the TV screens, e.g. "Box 2" or "Cabinet 5". */
  label: z.string().min(1).max(40),
});
export type Room = z.infer<typeof Room>;

/** A member of staff who takes consultants in charge (a user with categories). */
export const Professional = z.object({
  id: Id,
  displayName: z.string().min(1).max(120),
  categoryIds: z.array(Id),
  /** Reasons whose queue this professional serves (e.g. the ETP collectif animators). */
  reasonIds: z.array(Id),
  roomId: Id.nullable(),
  active: z.boolean(),
});
export type Professional = z.infer<typeof Professional>;

/** Who or what a journey step is for. */
export const StepTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('category'), categoryId: Id }),
  z.object({ kind: z.literal('professional'), professionalId: Id }),
  /** The professional named on the appointment; falls back to the category when there is none. */
  z.object({ kind: z.literal('appointment_professional'), fallbackCategoryId: Id }),
  /** The queue of a visit reason, served by the professionals who serve that reason. */
  z.object({ kind: z.literal('reason'), reasonId: Id }),
]);
export type StepTarget = z.infer<typeof StepTarget>;

/** A step run as a group session (ETP collectif): up to `capacity` participants at once, one or two facilitators. */
export const GroupSettings = z.object({
  capacity: z.number().int().min(2).max(10),
  facilitators: z.number().int().min(1).max(2),
});
export type GroupSettings = z.infer<typeof GroupSettings>;

/** The group session a participant's step belongs to once called (rules Q-GROUP-*). */
export const SessionRef = z.object({
  id: Id,
  /** The facilitators, the one who called the group first. */
  facilitatorIds: z.array(Id).min(1).max(2),
  /** Set at the start: no other session of this step follows today. */
  last: z.boolean(),
});
export type SessionRef = z.infer<typeof SessionRef>;

export const StepTemplate = z.object({
  /** Unique within its template; precedence constraints refer to it. */
  key: z.string().min(1).max(40),
  label: z.string().min(1).max(80),
  target: StepTarget,
  estimatedMinutes: z.number().int().min(1).max(480),
  /** Keys of the steps that must be done (or skipped) before this one may start. */
  after: z.array(z.string()),
  optional: z.boolean(),
  /** Absent: one consultant at a time. */
  group: GroupSettings.optional(),
});
export type StepTemplate = z.infer<typeof StepTemplate>;

export const JourneyTemplate = z.object({
  id: Id,
  reasonId: Id,
  /** Increases on every change; visits keep the version they started with. */
  version: z.number().int().min(1),
  steps: z.array(StepTemplate).min(1),
});
export type JourneyTemplate = z.infer<typeof JourneyTemplate>;

export const VisitReason = z.object({
  id: Id,
  code: z.string().min(1).max(40),
  label: z.string().min(1).max(120),
  /** Higher is served first among consultants ready at the same time (rule Q-ASSIGN). */
  priorityClass: z.number().int().min(0).max(9),
  active: z.boolean(),
});
export type VisitReason = z.infer<typeof VisitReason>;

/** Settings of the assignment policy (editable by the administrator). */
export const PolicySettings = z.object({
  /** A consultant who has waited longer than this is served before any priority class. */
  maxWaitMinutes: z.number().int().min(1).max(480),
  /** Automatically offer the next consultant to a professional who becomes available. */
  autoAssign: z.boolean(),
  /**
   * Minutes during which a consultant sent back to the queue (« Absent : remettre
   * en file ») is not offered again to the professional who sent him back
   * (rule Q-REQUEUE-1); absent = REQUEUE_COOLDOWN_DEFAULT.
   */
  requeueCooldownMinutes: z.number().int().min(0).max(60).optional(),
  /** Seconds between repeats of the offer chime until the professional acts; 0 = once; absent = OFFER_CHIME_REPEAT_DEFAULT. */
  offerChimeRepeatSeconds: z.number().int().min(0).max(600).optional(),
});
export type PolicySettings = z.infer<typeof PolicySettings>;
/** Defaults of the optional policy settings (older saved settings lack them). */
export const REQUEUE_COOLDOWN_DEFAULT = 5;
export const OFFER_CHIME_REPEAT_DEFAULT = 30;

/** What a supervisor is alerted about (thresholds and scopes set by the administrator). */
export const AlertKind = z.enum([
  'wait_too_long',
  'journey_too_long',
  'idle_too_long',
  'self_sample_not_received',
  'called_not_arrived',
  'expected_late',
]);
export type AlertKind = z.infer<typeof AlertKind>;

export const AlertRule = z.object({
  id: Id,
  kind: AlertKind,
  thresholdMinutes: z.number().int().min(1).max(600),
  /** Limits the rule to one visit reason (wait, journey, late); null = every reason. */
  reasonId: Id.nullable(),
  /** Limits the rule to one category's queue or professionals (wait, idle); null = all. */
  categoryId: Id.nullable(),
  active: z.boolean(),
});
export type AlertRule = z.infer<typeof AlertRule>;

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'heure attendue au format HH:MM');

/** When the centre is open: alerts and idle time only count inside these hours. */
export const OpeningHours = z
  .object({
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    days: z.array(z.number().int().min(1).max(7)),
    opens: Clock,
    closes: Clock,
  })
  .refine((h) => h.opens < h.closes, { message: 'l’heure d’ouverture doit précéder la fermeture' });
export type OpeningHours = z.infer<typeof OpeningHours>;

export const CentreConfig = z.object({
  sites: z.array(Site),
  categories: z.array(Category),
  rooms: z.array(Room),
  professionals: z.array(Professional),
  reasons: z.array(VisitReason),
  /** The current template of each reason (older versions stay in storage). */
  templates: z.array(JourneyTemplate),
  policy: PolicySettings,
  alertRules: z.array(AlertRule),
  openingHours: OpeningHours,
});
export type CentreConfig = z.infer<typeof CentreConfig>;

// ---------------------------------------------------------------- the day

export const Identity = z.object({
  civility: Civility,
  firstName: z.string().max(80),
  lastName: z.string().min(1).max(80),
  birthDate: DayString.nullable(),
});
export type Identity = z.infer<typeof Identity>;

export const Appointment = z.object({
  id: Id,
  externalId: z.string().max(64).nullable(),
  /** Short reference printed on the convocation (barcode/QR at the kiosk). */
  reference: z.string().max(64).nullable(),
  day: DayString,
  at: Millis,
  reasonId: Id,
  professionalId: Id.nullable(),
  identity: Identity,
  /** Optional identification columns, stored only when the import profile maps them (never medical data). */
  contact: z.object(contactShape).optional(),
  /** The agenda the appointment came from (an import profile's source, an integration); null = before sources. */
  source: z.string().max(60).nullable().optional(),
  status: z.enum(['scheduled', 'cancelled']),
});
export type Appointment = z.infer<typeof Appointment>;

export const VisitState = z.enum([
  'expected',
  'arrived',
  'waiting',
  'called',
  'in_care',
  'away',
  'done',
  'left',
  'no_show',
  /** The appointment was cancelled (re-import) before the consultant came. */
  'cancelled',
]);
export type VisitState = z.infer<typeof VisitState>;

export const AwayReason = z.enum([
  'collation',
  'prelevement',
  'auto_prelevement',
  'ecg',
  'attente',
  'dehors',
  'reunion_partenaire',
]);
export type AwayReason = z.infer<typeof AwayReason>;

export const StepStatus = z.enum(['todo', 'called', 'in_care', 'done', 'skipped']);
export type StepStatus = z.infer<typeof StepStatus>;

export const StepInstance = z.object({
  id: Id,
  key: z.string(),
  label: z.string(),
  target: StepTarget,
  estimatedMinutes: z.number().int(),
  after: z.array(z.string()),
  optional: z.boolean(),
  /** Added during the visit by a professional (diététicien, psychologue...). */
  added: z.boolean(),
  status: StepStatus,
  /** The professional who called / took care, once known. */
  professionalId: Id.nullable(),
  roomId: Id.nullable(),
  calledAt: Millis.nullable(),
  callCount: z.number().int().nonnegative(),
  startedAt: Millis.nullable(),
  endedAt: Millis.nullable(),
  /** Copied from the template: the step is a group session. */
  group: GroupSettings.optional(),
  /** The session this participant was called into (null or absent otherwise). */
  session: SessionRef.nullable().optional(),
});
export type StepInstance = z.infer<typeof StepInstance>;

export const Note = z.object({
  id: Id,
  at: Millis,
  authorId: Id,
  text: z.string().min(1).max(2000),
});
export type Note = z.infer<typeof Note>;

export const CheckKind = z.enum(['ecg', 'prelevement']);
export const CheckMark = z.enum(['lecture', 'interpretation']);
export const Check = z.object({
  kind: CheckKind,
  mark: CheckMark,
  at: Millis,
  by: Id,
});
export type Check = z.infer<typeof Check>;

/** One consultant's day at the centre. */
export const Visit = z.object({
  id: Id,
  day: DayString,
  appointmentId: Id.nullable(),
  appointmentAt: Millis.nullable(),
  /** The professional named on the appointment, if any. */
  appointmentProfessionalId: Id.nullable(),
  reasonId: Id,
  templateId: Id,
  templateVersion: z.number().int(),
  identity: Identity,
  state: VisitState,
  priorityClass: z.number().int().min(0).max(9),
  arrivedAt: Millis.nullable(),
  /** Since when the consultant is available for the next step (time waited counts from here). */
  readySince: Millis.nullable(),
  away: z.object({ reason: AwayReason, since: Millis }).nullable(),
  /** The professional this consultant is offered to by the engine, not yet called. */
  offer: z.object({ professionalId: Id, stepId: Id, at: Millis }).nullable(),
  /** Who last sent the consultant back to the queue as absent, and when (rule Q-REQUEUE-1); cleared by a call. */
  requeued: z.object({ professionalId: Id, at: Millis }).nullable().optional(),
  endedAt: Millis.nullable(),
  steps: z.array(StepInstance),
  notes: z.array(Note),
  checks: z.array(Check),
});
export type Visit = z.infer<typeof Visit>;

export const DeskState = z.enum(['offline', 'available', 'paused']);
export type DeskState = z.infer<typeof DeskState>;

/** A professional's presence at their desk today. */
export const Desk = z.object({
  professionalId: Id,
  state: DeskState,
  roomId: Id.nullable(),
  /** Since when the desk is in this state (idle time is measured from here). */
  since: Millis,
});
export type Desk = z.infer<typeof Desk>;

/** A queue a consultant can wait in. */
export const QueueRef = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('professional'), professionalId: Id }),
  z.object({ kind: z.literal('category'), categoryId: Id }),
  z.object({ kind: z.literal('reason'), reasonId: Id }),
  z.object({ kind: z.literal('reception') }),
]);
export type QueueRef = z.infer<typeof QueueRef>;
