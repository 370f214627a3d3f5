/**
 * The SQLite schema (drizzle). Day state is stored in plain rows so that
 * administrators can export every table; the `events` table is the
 * append-only journal whose `seq` is the WebSocket sequence number.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { GroupSettings, SessionRef } from '@gfa/shared';

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
const bool = (name: string) => integer(name, { mode: 'boolean' });

export const sites = sqliteTable('sites', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
});

export const categories = sqliteTable('categories', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  label: text('label').notNull(),
  /** Administrative staff (reception): land on « Accueil », see no clinical controls. */
  administrative: integer('administrative', { mode: 'boolean' }).notNull().default(false),
});

export const rooms = sqliteTable('rooms', {
  id: text('id').primaryKey(),
  siteId: text('site_id')
    .notNull()
    .references(() => sites.id),
  label: text('label').notNull(),
});

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  login: text('login').notNull().unique(),
  displayName: text('display_name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: json<string[]>('roles').notNull(),
  defaultRoomId: text('default_room_id').references(() => rooms.id),
  active: bool('active').notNull(),
  createdAt: integer('created_at').notNull(),
  /** RFC 6238 shared secret (base32), set once the user confirmed a first code. */
  totpSecret: text('totp_secret'),
  /** argon2 hashes of the unused single-use recovery codes. */
  recoveryCodes: json<string[]>('recovery_codes'),
  /** The tab the account opens on (« Accueil » for a reception agent); null = by role. */
  landingTab: text('landing_tab'),
});

export const userCategories = sqliteTable(
  'user_categories',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    categoryId: text('category_id')
      .notNull()
      .references(() => categories.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.categoryId] })],
);

export const userReasons = sqliteTable(
  'user_reasons',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    reasonId: text('reason_id')
      .notNull()
      .references(() => reasons.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.reasonId] })],
);

export const devices = sqliteTable('devices', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['kiosk', 'display', 'workstation'] }).notNull(),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  active: bool('active').notNull(),
  createdAt: integer('created_at').notNull(),
  /** The computer name the shell reported when it asked to be enrolled. */
  hostname: text('hostname'),
  lastSeenAt: integer('last_seen_at'),
  revokedAt: integer('revoked_at'),
});

/**
 * A shell asking to be enrolled. Its request id is the shell's secret for
 * polling (stored hashed); the administrator approves by typing the 6-digit
 * code the device shows. The device token is made when the shell collects it,
 * so no usable token is ever stored in clear.
 */
export const enrolments = sqliteTable('enrolments', {
  id: text('id').primaryKey(),
  requestHash: text('request_hash').notNull().unique(),
  code: text('code').notNull(),
  kind: text('kind', { enum: ['kiosk', 'display', 'workstation'] }).notNull(),
  hostname: text('hostname').notNull(),
  ip: text('ip').notNull(),
  status: text('status', { enum: ['pending', 'approved', 'refused', 'delivered'] }).notNull(),
  deviceId: text('device_id').references(() => devices.id),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
});

export const sessions = sqliteTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  principalKind: text('principal_kind', { enum: ['user', 'device'] }).notNull(),
  principalId: text('principal_id').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  /** Last authenticated request: a user session idle longer than the setting ends. */
  lastSeenAt: integer('last_seen_at'),
});

export const reasons = sqliteTable('reasons', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  label: text('label').notNull(),
  priorityClass: integer('priority_class').notNull(),
  active: bool('active').notNull(),
});

/** Every version of every journey template is kept: visits refer to the version they started with. */
export const journeyTemplates = sqliteTable(
  'journey_templates',
  {
    id: text('id').notNull(),
    version: integer('version').notNull(),
    reasonId: text('reason_id')
      .notNull()
      .references(() => reasons.id),
    steps: json<unknown[]>('steps').notNull(),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.version] }), index('journey_templates_reason').on(t.reasonId)],
);

export const appointments = sqliteTable(
  'appointments',
  {
    id: text('id').primaryKey(),
    externalId: text('external_id'),
    reference: text('reference'),
    day: text('day').notNull(),
    at: integer('at').notNull(),
    reasonId: text('reason_id')
      .notNull()
      .references(() => reasons.id),
    professionalId: text('professional_id'),
    civility: text('civility').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    /** Upper-case, accent-free last name, for kiosk look-ups. */
    lastNameKey: text('last_name_key').notNull(),
    birthDate: text('birth_date'),
    birthName: text('birth_name'),
    phone: text('phone'),
    email: text('email'),
    /** The agenda that owns the appointment: an import replaces and cancels only its own. */
    source: text('source'),
    status: text('status', { enum: ['scheduled', 'cancelled'] }).notNull(),
  },
  (t) => [
    index('appointments_day').on(t.day),
    index('appointments_identity').on(t.day, t.lastNameKey, t.birthDate),
    index('appointments_reference').on(t.day, t.reference),
    // Two agendas may number their appointments alike: an agenda's id is unique within its source.
    uniqueIndex('appointments_external').on(t.source, t.externalId),
    // An import matches its rows by agenda id whatever the source (the unique index leads with the source).
    index('appointments_external_id').on(t.externalId),
  ],
);

export const visits = sqliteTable(
  'visits',
  {
    id: text('id').primaryKey(),
    day: text('day').notNull(),
    appointmentId: text('appointment_id'),
    appointmentAt: integer('appointment_at'),
    appointmentProfessionalId: text('appointment_professional_id'),
    reasonId: text('reason_id').notNull(),
    templateId: text('template_id').notNull(),
    templateVersion: integer('template_version').notNull(),
    civility: text('civility').notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    birthDate: text('birth_date'),
    state: text('state').notNull(),
    priorityClass: integer('priority_class').notNull(),
    arrivedAt: integer('arrived_at'),
    readySince: integer('ready_since'),
    awayReason: text('away_reason'),
    awaySince: integer('away_since'),
    offerProfessionalId: text('offer_professional_id'),
    offerStepId: text('offer_step_id'),
    offerAt: integer('offer_at'),
    /** Who sent the consultant back to the queue as absent, and when (rule Q-REQUEUE-1). */
    requeuedBy: text('requeued_by'),
    requeuedAt: integer('requeued_at'),
    endedAt: integer('ended_at'),
  },
  (t) => [index('visits_day').on(t.day), index('visits_appointment').on(t.appointmentId)],
);

export const visitSteps = sqliteTable(
  'visit_steps',
  {
    id: text('id').primaryKey(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id),
    ord: integer('ord').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    target: json<unknown>('target').notNull(),
    estimatedMinutes: integer('estimated_minutes').notNull(),
    after: json<string[]>('after').notNull(),
    optional: bool('optional').notNull(),
    added: bool('added').notNull(),
    status: text('status').notNull(),
    professionalId: text('professional_id'),
    roomId: text('room_id'),
    calledAt: integer('called_at'),
    callCount: integer('call_count').notNull(),
    startedAt: integer('started_at'),
    endedAt: integer('ended_at'),
    /** A group session step (ETP collectif): capacity and facilitators; null for one-by-one steps. */
    groupSettings: json<GroupSettings>('group_settings'),
    /** The group session the participant was called into (rules Q-GROUP-*). */
    session: json<SessionRef>('session'),
  },
  (t) => [index('visit_steps_visit').on(t.visitId)],
);

export const notes = sqliteTable(
  'notes',
  {
    id: text('id').primaryKey(),
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id),
    at: integer('at').notNull(),
    authorId: text('author_id').notNull(),
    text: text('text').notNull(),
  },
  (t) => [index('notes_visit').on(t.visitId)],
);

export const visitChecks = sqliteTable(
  'visit_checks',
  {
    visitId: text('visit_id')
      .notNull()
      .references(() => visits.id),
    ord: integer('ord').notNull(),
    kind: text('kind').notNull(),
    mark: text('mark').notNull(),
    at: integer('at').notNull(),
    by: text('by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.ord] })],
);

export const desks = sqliteTable(
  'desks',
  {
    day: text('day').notNull(),
    professionalId: text('professional_id').notNull(),
    state: text('state').notNull(),
    roomId: text('room_id'),
    since: integer('since').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.professionalId] })],
);

/** The append-only journal: queue transitions and audit entries. */
export const events = sqliteTable(
  'events',
  {
    seq: integer('seq').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    type: text('type').notNull(),
    actorKind: text('actor_kind').notNull(),
    actorId: text('actor_id').notNull(),
    visitId: text('visit_id'),
    stepId: text('step_id'),
    professionalId: text('professional_id'),
    data: json<Record<string, unknown>>('data').notNull(),
    /** SHA-256 of the previous record's hash and this record's content: the audit chain. */
    hash: text('hash'),
  },
  (t) => [
    index('events_at').on(t.at),
    index('events_visit').on(t.visitId),
    // The audit search by actor, newest first (the key follows the actor in the index).
    index('events_actor').on(t.actorKind, t.actorId),
  ],
);

/** Kiosk check-ins already delivered, by idempotency key. */
export const checkinKeys = sqliteTable('checkin_keys', {
  key: text('key').primaryKey(),
  visitId: text('visit_id'),
  response: json<unknown>('response').notNull(),
  at: integer('at').notNull(),
});

/**
 * People the kiosk sent to reception, with what they typed (nominative: purged
 * by the anonymisation job). Kept in the database so a restart loses none.
 */
export const receptionAlerts = sqliteTable(
  'reception_alerts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    day: text('day').notNull(),
    at: integer('at').notNull(),
    kioskId: text('kiosk_id').notNull(),
    reason: text('reason').notNull(),
    typedLastName: text('typed_last_name'),
    typedBirthDate: text('typed_birth_date'),
    typedReference: text('typed_reference'),
  },
  (t) => [index('reception_alerts_day').on(t.day)],
);

/**
 * The kiosk's satisfaction answers (issue 17, item 7): no personal data. An
 * answer linked to a visit (convocation scanned) keeps its reason and journey
 * time for the statistics; the link itself is cut with the nominative data.
 */
export const satisfactionAnswers = sqliteTable(
  'satisfaction_answers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    day: text('day').notNull(),
    at: integer('at').notNull(),
    kioskId: text('kiosk_id').notNull(),
    /** 1 (très mécontent) to 5 (très satisfait). */
    score: integer('score').notNull(),
    /** One answer per visit; null when anonymous or once the visit is past the retention period. */
    visitId: text('visit_id'),
    reasonId: text('reason_id'),
    journeyMinutes: integer('journey_minutes'),
  },
  (t) => [
    index('satisfaction_answers_day').on(t.day),
    uniqueIndex('satisfaction_answers_visit').on(t.visitId),
    index('satisfaction_answers_kiosk').on(t.kioskId, t.at),
  ],
);

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: json<unknown>('value').notNull(),
});

/**
 * The settings steps applied to this file (`server/src/db/settings-steps.ts`), as drizzle's
 * `__drizzle_migrations` records the SQL ones: each step runs once, at start, after them.
 */
export const settingsMigrations = sqliteTable('settings_migrations', {
  name: text('name').primaryKey(),
  appliedAt: integer('applied_at').notNull(),
});

/**
 * Failed attempts per throttle key (login and address, second factor, kiosk exit): kept in the
 * database so that a restart — or a crash an attacker provokes — never resets a lockout.
 */
export const authFailures = sqliteTable(
  'auth_failures',
  {
    key: text('key').primaryKey(),
    count: integer('count').notNull(),
    /** Start of the counting window. */
    since: integer('since').notNull(),
  },
  (t) => [index('auth_failures_since').on(t.since)],
);

/** Last TOTP time step accepted per user: a code seen once cannot be replayed, even after a restart. */
export const totpSteps = sqliteTable('totp_steps', {
  userId: text('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  step: integer('step').notNull(),
});

/**
 * An agenda (or other system) allowed to push appointments: its API key is
 * shown once at creation and stored hashed; a revoked key stays for the record.
 */
export const integrations = sqliteTable('integrations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** The source its appointments belong to (per-source rules, as a file's profile). */
  source: text('source').notNull(),
  /** The import profile whose value mapping applies to its reasons and professionals. */
  profile: text('profile').notNull(),
  keyHash: text('key_hash').notNull().unique(),
  createdAt: integer('created_at').notNull(),
  revokedAt: integer('revoked_at'),
  lastUsedAt: integer('last_used_at'),
});

export * from './stats-schema.js';
