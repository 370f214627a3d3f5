/**
 * The supervisor's board: live figures of the day, each computed on the
 * server from the event journal, and the alerts raised by the
 * administrator's rules. Durations are whole minutes.
 */
import { z } from 'zod';
import { AlertKind, AwayReason, DayString, DeskState, Id, Millis } from '../domain/model.js';

export const DurationStats = z.object({
  count: z.number().int().nonnegative(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type DurationStats = z.infer<typeof DurationStats>;

/** Where a consultant stands, as the supervisor reads it. */
export const ConsultantStatus = z.enum([
  'expected',
  'in_journey',
  'away',
  'done',
  'left',
  'no_show',
  'cancelled',
]);
export type ConsultantStatus = z.infer<typeof ConsultantStatus>;

export const JourneyStep = z.object({
  stepId: Id,
  label: z.string(),
  status: z.enum(['done', 'todo', 'in_progress', 'skipped']),
  professionalId: Id.nullable(),
  /** The category the step is for, when its target names one (filters the board by category). */
  categoryId: Id.nullable().optional(),
  /** Call (in progress) or care start; null while to do. */
  startedAt: Millis.nullable(),
});
export type JourneyStep = z.infer<typeof JourneyStep>;

export const ConsultantRow = z.object({
  visitId: Id,
  reasonId: Id,
  /** Supervisors are staff: the full name, never sent to displays. */
  name: z.string(),
  status: ConsultantStatus,
  awayReason: AwayReason.nullable(),
  appointmentAt: Millis.nullable(),
  arrivedAt: Millis.nullable(),
  /** Arrival minus appointment time (negative when early). */
  delayMinutes: z.number().int().nullable(),
  /** The current wait, while waiting for the next step. */
  waitingMinutes: z.number().int().nullable(),
  /** All the waits of the journey so far. */
  waitedMinutes: z.number().int().nonnegative(),
  careMinutes: z.number().int().nonnegative(),
  /** From arrival to the end of the journey, or to now while in progress. */
  journeyMinutes: z.number().int().nullable(),
  /** Q-FORECAST-1: when the journey in progress is expected to end (null: no forecast). */
  expectedEndAt: Millis.nullable().optional(),
  steps: z.array(JourneyStep),
});
export type ConsultantRow = z.infer<typeof ConsultantRow>;

export const ProfessionalRow = z.object({
  professionalId: Id,
  name: z.string(),
  deskState: DeskState,
  /** Distinct consultants cared for so far. */
  received: z.number().int().nonnegative(),
  /** Consultants cared for, by visit reason. */
  byReason: z.record(Id, z.number().int().nonnegative()),
  care: DurationStats,
  /** Waits of the consultants this professional called. */
  wait: DurationStats,
  /** Available with no consultant, today so far. */
  idleMinutes: z.number().int().nonnegative(),
  /** The current idle stretch, when idle now. */
  idleSinceMinutes: z.number().int().nonnegative().nullable(),
});
export type ProfessionalRow = z.infer<typeof ProfessionalRow>;

export const CategoryFigures = z.object({ categoryId: Id, label: z.string(), care: DurationStats });
export type CategoryFigures = z.infer<typeof CategoryFigures>;

export const ReasonFigures = z.object({
  reasonId: Id,
  label: z.string(),
  statuses: z.record(ConsultantStatus, z.number().int().nonnegative()),
  /** Finished journeys. */
  journey: DurationStats,
});
export type ReasonFigures = z.infer<typeof ReasonFigures>;

export const DayTotals = z.object({
  received: z.number().int().nonnegative(),
  stillExpected: z.number().int().nonnegative(),
  noShows: z.number().int().nonnegative(),
  inJourney: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
});
export type DayTotals = z.infer<typeof DayTotals>;

export const ActiveAlert = z.object({
  /** Stable while the situation lasts; a new episode gets a new key. */
  key: z.string(),
  ruleId: Id,
  kind: AlertKind,
  visitId: Id.nullable(),
  professionalId: Id.nullable(),
  since: Millis,
  /** French, for the board. */
  message: z.string(),
  acknowledged: z.boolean(),
});
export type ActiveAlert = z.infer<typeof ActiveAlert>;

export const EndOfDaySummary = z.object({
  cares: z.number().int().nonnegative(),
  byProfessional: z.array(
    z.object({
      professionalId: Id,
      name: z.string(),
      cares: z.number().int(),
      meanCare: z.number().nullable(),
    }),
  ),
  meanCaresPerProfessional: z.number().nullable(),
  noShows: z.number().int().nonnegative(),
  cameNotHandled: z.number().int().nonnegative(),
});
export type EndOfDaySummary = z.infer<typeof EndOfDaySummary>;

export const SupervisionDto = z.object({
  day: DayString,
  at: Millis,
  consultants: z.array(ConsultantRow),
  professionals: z.array(ProfessionalRow),
  categories: z.array(CategoryFigures),
  reasons: z.array(ReasonFigures),
  totals: DayTotals,
  alerts: z.array(ActiveAlert),
  summary: EndOfDaySummary,
});
export type SupervisionDto = z.infer<typeof SupervisionDto>;

export const AcknowledgeAlertRequest = z.object({ key: z.string().min(1).max(200) });
