/** Request and response bodies of the REST entry points. */
import { z } from 'zod';
import { profileColumnsShape } from '../domain/appointment-fields.js';
import { DayString, DeskState, Id, Identity } from '../domain/model.js';

export const HealthResponse = z.object({ status: z.literal('ok'), version: z.string() });

export const LoginRequest = z.union([
  z.object({ login: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) }),
  z.object({ deviceToken: z.string().min(16).max(128) }),
]);
export type LoginRequest = z.infer<typeof LoginRequest>;

export const OkResponse = z.object({ ok: z.literal(true) });

export const CheckinRequest = z.object({
  /** Chosen by the kiosk; the same key never checks in twice (offline delivery). */
  idempotencyKey: z.string().min(8).max(64),
  by: z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('identity'),
      lastName: z.string().trim().min(1).max(80),
      birthDate: DayString,
    }),
    z.object({ kind: z.literal('reference'), reference: z.string().trim().min(1).max(64) }),
  ]),
});
export type CheckinRequest = z.infer<typeof CheckinRequest>;

export const Instruction = z.object({ headline: z.string(), sentence: z.string() });
export type Instruction = z.infer<typeof Instruction>;

/** The kiosk answer carries no identity: it is shown to whoever stands at the kiosk. */
export const CheckinResponse = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('recognised'),
    visitId: Id,
    instruction: Instruction,
    /** Q-FORECAST-1: minutes until the next care is expected to start (null or absent: no forecast). */
    callInMinutes: z.number().int().nonnegative().nullable().optional(),
  }),
  z.object({ outcome: z.literal('reception'), instruction: Instruction }),
]);
export type CheckinResponse = z.infer<typeof CheckinResponse>;

export const VisitsQuery = z.object({ date: DayString.optional() });

export const RegisterVisitRequest = z.union([
  z.object({ appointmentId: Id }),
  z.object({ identity: Identity, reasonId: Id, professionalId: Id.nullable().optional() }),
]);
export type RegisterVisitRequest = z.infer<typeof RegisterVisitRequest>;

export const VisitParams = z.object({ id: Id });

export const PresenceRequest = z.object({ state: DeskState, roomId: Id.nullable().optional() });

/** The prevention-video playlist, in play order (file name order). */
export const MediaList = z.object({
  files: z.array(z.object({ name: z.string(), url: z.string(), bytes: z.number().int().nonnegative() })),
});
export type MediaList = z.infer<typeof MediaList>;

/** How the TV displays announce calls (set by the administrator). */
export const DisplaySettings = z.object({
  /** French speech synthesis of each call, after the chime. */
  speech: z.boolean(),
  /** "Mme DUPONT" (civility) or "J. DUPONT" (first-name initial). */
  nameFormat: z.enum(['civility', 'initial']),
  /** How long a call stays large on screen before the next one (absent: DEFAULT_HOLD_SECONDS). */
  holdSeconds: z.number().int().min(3).max(60).optional(),
  /** Show the estimated wait per category under the calls (no names; absent: off). */
  categoryWaits: z.boolean().optional(),
});
export type DisplaySettings = z.infer<typeof DisplaySettings>;

/** A call stays large this long unless the administrator chose otherwise. */
export const DEFAULT_HOLD_SECONDS = 8;

/** The agenda's own wording of reasons and professionals → GFA's ids (folded agenda value → id). */
export const ImportValueMaps = z.object({
  reasons: z.record(z.string().max(200), Id),
  professionals: z.record(z.string().max(200), Id),
});
export type ImportValueMaps = z.infer<typeof ImportValueMaps>;

/** Which column holds each appointment field (saved by the administrator as a named profile). */
export const ImportProfile = z.object({
  name: z.string().trim().min(1).max(60),
  columns: z.object(profileColumnsShape),
  /** The agenda this profile's files come from (default: the profile's name); an import only touches its own. */
  source: z.string().trim().min(1).max(60).optional(),
  /** More cancellations than this in one file need an explicit confirmation (default 10). */
  cancelThreshold: z.number().int().min(0).max(10_000).optional(),
  /** The watched folder may apply a file cancelling more than the threshold (otherwise it refuses it). */
  unattendedCancellations: z.boolean().optional(),
  values: ImportValueMaps.optional(),
});
export type ImportProfile = z.infer<typeof ImportProfile>;

/** An agenda value GFA does not know, with the lines that hold it (the check screen maps it). */
export const UnknownImportValue = z.object({
  field: z.enum(['reason', 'professional']),
  value: z.string(),
  lines: z.array(z.number().int().positive()),
});
export type UnknownImportValue = z.infer<typeof UnknownImportValue>;

/** The line-by-line outcome of an import; a file with errors imports nothing. */
export const ImportReport = z.object({
  file: z.string(),
  encoding: z.string(),
  delimiter: z.string(),
  rows: z.number().int().nonnegative(),
  errors: z.array(z.object({ line: z.number().int().positive(), column: z.string(), message: z.string() })),
  created: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  cancelled: z.number().int().nonnegative(),
  /** Rows left as they were because the consultant's visit has already begun. */
  kept: z.number().int().nonnegative(),
  dryRun: z.boolean(),
  /** The agenda (source) whose appointments this import owns. */
  source: z.string(),
  /** Rows identical to an earlier row of the file (no agenda id), counted once. */
  duplicates: z.number().int().nonnegative(),
  /** The appointments this file cancels, for the administrator to check (screen only, never journaled). */
  toCancel: z.array(z.object({ at: z.number().int(), name: z.string(), reasonId: Id })),
  /** More cancellations than the profile's threshold: the import needs `confirmCancellations`. */
  confirmationNeeded: z.boolean(),
  unknownValues: z.array(UnknownImportValue),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** An appointment file sent by the administration screen (base64, 5 MB at most once decoded). */
export const ImportUpload = z.object({
  file: z.string().trim().min(1).max(200),
  contentBase64: z.string().max(7_000_000),
  profile: z.string().min(1).max(60),
  dryRun: z.boolean(),
  /** The number of cancellations the administrator saw in the check and confirmed. */
  confirmCancellations: z.number().int().nonnegative().optional(),
});
export type ImportUpload = z.infer<typeof ImportUpload>;

export const ImportProfiles = z.object({ profiles: z.array(ImportProfile) });

/** The value mapping of one profile (the « standard » one included), filled from the check screen. */
export const SaveImportValuesRequest = z.object({
  profile: z.string().min(1).max(60),
  values: ImportValueMaps,
});

/** One import run, as the journal recorded it (counts only, never names). */
export const ImportRun = z.object({
  at: z.number().int(),
  outcome: z.enum(['completed', 'rejected']),
  file: z.string(),
  by: z.string(),
  created: z.number().int().nullable(),
  updated: z.number().int().nullable(),
  cancelled: z.number().int().nullable(),
  errors: z.number().int().nullable(),
});
export type ImportRun = z.infer<typeof ImportRun>;
export const ImportRuns = z.object({ runs: z.array(ImportRun) });
