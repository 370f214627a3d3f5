/** Read models sent to clients. */
import { z } from 'zod';
import { CentreConfig, DayString, Desk, Id, Millis, QueueRef, Visit, VisitState } from '../domain/model.js';
import { Principal } from './principal.js';
import { GroupQueueDto } from './group-sessions.js';

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
  /**
   * Derived on the server; a value that does not fit (an older server's two-letter « SS » for « ß »)
   * becomes no initial instead of failing the whole message, so a display never drops a call for it.
   */
  initial: z.string().max(1).catch(''),
  lastName: z.string(),
  roomLabel: z.string(),
  recall: z.boolean(),
  /** A group session's call (rule Q-GROUP-2): its label replaces the name, shown once for the room. */
  session: z.string().max(80).optional(),
});
export type CallDto = z.infer<typeof CallDto>;

export type CallNameFormat = 'civility' | 'initial';

/**
 * The one-letter capital initial of a first name: its first letter, upper-cased, and only the first
 * letter of that when the capital is spelled with two (« ß » → « SS » → « S », « ﬁ » → « F »).
 */
export function initialOf(firstName: string): string {
  const first = firstName.normalize('NFC').match(/\p{L}/u)?.[0] ?? '';
  return first.toUpperCase().match(/\p{L}/u)?.[0] ?? '';
}

/** "Mme DUPONT" or "J. DUPONT", as the administrator chose; a group session's label, never names. */
export function displayName(call: CallDto, format: CallNameFormat): string {
  if (call.session) return call.session;
  const last = call.lastName.toUpperCase();
  const initial = initialOf(call.initial);
  if (format === 'initial' && initial) return `${initial}. ${last}`;
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
  /** Sent back by me as absent, not proposed to me yet (rule Q-REQUEUE-1). */
  requeuedByMe: z.boolean(),
});
export type QueueEntryDto = z.infer<typeof QueueEntryDto>;

/** A professional's workstation: my queues, my consultant, the day's progress. */
export const DeskViewDto = z.object({
  professionalId: Id,
  desk: Desk.nullable(),
  mine: z.array(QueueEntryDto),
  shared: z.array(QueueEntryDto),
  currentVisitId: Id.nullable(),
  /** Journeys in progress now (arrived, not yet done or left). */
  startedJourneys: z.number().int().nonnegative(),
  /** Journeys begun today (every consultant who arrived, including those already gone). */
  begunJourneys: z.number().int().nonnegative(),
  expectedWaitMinutes: z.number().int().nonnegative(),
  /** The group sessions I may run (rules Q-GROUP-*); absent when I serve no group step. */
  groups: z.array(GroupQueueDto).optional(),
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
