/** Read models sent to clients. */
import { z } from 'zod';
import { CentreConfig, DayString, Desk, Id, Millis, QueueRef, Visit, VisitState } from '../domain/model.js';
import { Principal } from './principal.js';

/** A visit as staff see it, with the queues it currently waits in. */
export const VisitDto = Visit.extend({
  queues: z.array(QueueRef),
  /**
   * Last and first name folded by the server (any-ascii: accents, ligatures, apostrophes), upper case,
   * letters and digits only per word: « N’Diaye Anne-Sœur » → « NDIAYE ANNESOEUR ». Reception search
   * compares the typed text folded the same way (strip accents and punctuation, upper case).
   */
  searchKey: z.string().optional(),
});
export type VisitDto = z.infer<typeof VisitDto>;

/**
 * What a TV display receives, and nothing more (privacy): civility or
 * first-name initial, last name, room label.
 */
export const CallDto = z.object({
  callId: z.string(),
  visitId: Id,
  at: Millis,
  civility: z.enum(['M.', 'Mme', '']),
  initial: z.string().max(1),
  lastName: z.string(),
  roomLabel: z.string(),
  recall: z.boolean(),
});
export type CallDto = z.infer<typeof CallDto>;

export type CallNameFormat = 'civility' | 'initial';

/** "Mme DUPONT" or "J. DUPONT", as the administrator chose. */
export function displayName(call: CallDto, format: CallNameFormat): string {
  const last = call.lastName.toUpperCase();
  if (format === 'initial' && call.initial) return `${call.initial.toUpperCase()}. ${last}`;
  return call.civility ? `${call.civility} ${last}` : last;
}

export const QueueEntryDto = z.object({
  visitId: Id,
  stepId: Id,
  reasonId: Id,
  queue: QueueRef,
  priorityClass: z.number().int(),
  waitedMinutes: z.number().int().nonnegative(),
  offeredToMe: z.boolean(),
});
export type QueueEntryDto = z.infer<typeof QueueEntryDto>;

/** A professional's workstation: my queues, my consultant, the day's progress. */
export const DeskViewDto = z.object({
  professionalId: Id,
  desk: Desk.nullable(),
  mine: z.array(QueueEntryDto),
  shared: z.array(QueueEntryDto),
  currentVisitId: Id.nullable(),
  startedJourneys: z.number().int().nonnegative(),
  expectedWaitMinutes: z.number().int().nonnegative(),
});
export type DeskViewDto = z.infer<typeof DeskViewDto>;

/** The supervisor's live snapshot of the day. */
export const BoardDto = z.object({
  day: DayString,
  at: Millis,
  visits: z.array(VisitDto),
  desks: z.array(Desk),
  counts: z.record(VisitState, z.number().int().nonnegative()),
});
export type BoardDto = z.infer<typeof BoardDto>;

export const PublicConfigDto = CentreConfig;
export type PublicConfigDto = z.infer<typeof PublicConfigDto>;

export const SessionDto = z.object({ token: z.string(), expiresAt: Millis, principal: Principal });
export type SessionDto = z.infer<typeof SessionDto>;
