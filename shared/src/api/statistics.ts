/**
 * The administrator's statistics for a period (CCTP "éléments de pilotage"),
 * and exported files. Durations in minutes, with median and p90 beside the mean.
 */
import { z } from 'zod';
import { DayString, Id } from '../domain/model.js';

export const Summary = z.object({
  count: z.number().int().nonnegative(),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
});
export type Summary = z.infer<typeof Summary>;

export const CareRow = z.object({
  professionalId: Id,
  name: z.string(),
  cares: z.number().int(),
  care: Summary,
  wait: Summary,
});
export type CareRow = z.infer<typeof CareRow>;

export const CategoryRow = z.object({
  categoryId: Id,
  label: z.string(),
  cares: z.number().int(),
  care: Summary,
  wait: Summary,
});
export type CategoryRow = z.infer<typeof CategoryRow>;

export const ReasonRow = z.object({
  reasonId: Id,
  label: z.string(),
  convened: z.number().int(),
  handled: z.number().int(),
  notCome: z.number().int(),
  cameNotHandled: z.number().int(),
  journey: Summary,
  wait: Summary,
});
export type ReasonRow = z.infer<typeof ReasonRow>;

/** Group sessions of a visit reason (ETP collectif): one session with N participants counts once. */
export const GroupRow = z.object({
  reasonId: Id,
  label: z.string(),
  sessions: z.number().int(),
  participants: z.number().int(),
  participantsPerSession: z.number(),
  meanSessionMinutes: z.number(),
  /** The sessions' durations, once per facilitator (two facilitators: twice), never once per participant. */
  facilitatorMinutes: z.number().int(),
});
export type GroupRow = z.infer<typeof GroupRow>;

export const Statistics = z.object({
  from: DayString,
  to: DayString,
  byProfessional: z.array(CareRow),
  byCategory: z.array(CategoryRow),
  byReason: z.array(ReasonRow),
  all: z.object({
    visits: z.number().int(),
    handled: z.number().int(),
    convenedNotCome: z.number().int(),
    cameNotHandled: z.number().int(),
    cares: z.number().int(),
    carePerProfessional: z.number().nullable(),
    care: Summary,
    wait: Summary,
    journey: Summary,
  }),
  /** Absent when the period had no group session. */
  groups: z.array(GroupRow).optional(),
});
export type Statistics = z.infer<typeof Statistics>;

export const PeriodQuery = z
  .object({ from: DayString, to: DayString })
  .refine((p) => p.from <= p.to, { message: 'la date de début doit précéder la date de fin' });

export const StatisticsExportQuery = z
  .object({ from: DayString, to: DayString, format: z.enum(['xlsx', 'csv']) })
  .refine((p) => p.from <= p.to, { message: 'la date de début doit précéder la date de fin' });

/** A file produced on demand (export), sent as base64 in JSON so it goes through the route table. */
export const ExportFile = z.object({ file: z.string(), mime: z.string(), contentBase64: z.string() });
export type ExportFile = z.infer<typeof ExportFile>;
