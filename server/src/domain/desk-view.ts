/** What a professional's workstation shows: their queues and the expected wait (rules Q-VIEW-*). */
import type { CentreConfig, Id, Millis, Professional, QueueRef, Visit } from '@gfa/shared';
import type { Candidate, DayState, DispatchInput, Dispatcher } from './types.js';
import { choiceFor } from './dispatch.js';
import { idleSinceByProfessional } from './idle.js';
import { candidatesAmong, candidatesFor, waitingSteps } from './pick-policy.js';
import { splitRequeued } from './requeue-rule.js';
import { activeStep } from './steps.js';

const MINUTE = 60_000;

export interface QueueEntry {
  readonly visitId: Id;
  readonly stepId: Id;
  readonly reasonId: Id;
  readonly queue: QueueRef;
  readonly priorityClass: number;
  readonly waitedMinutes: number;
  readonly offeredToMe: boolean;
  /** Sent back by me as absent and not proposed to me yet (Q-REQUEUE-1). */
  readonly requeuedByMe: boolean;
}

export interface QueueView {
  /** Consultants waiting in my named queue. */
  readonly mine: QueueEntry[];
  /** Consultants waiting in the queues of my categories and reasons. */
  readonly shared: QueueEntry[];
  /** The consultant I have called or am taking care of. */
  readonly currentVisitId: Id | null;
  /** Q-VIEW-1: consultants whose journey is in progress (arrived, not yet done/left). */
  readonly startedJourneys: number;
  /** Q-VIEW-1: consultants whose journey began today (every arrival, including those gone). */
  readonly begunJourneys: number;
  /** Q-VIEW-2: minutes before my next consultant: what remains of my current care's estimate. */
  readonly expectedWaitMinutes: number;
}

/**
 * Q-VIEW-3: what the views of every professional of one state share, read
 * once (after a commit, each present professional's workstation gets its view).
 */
export interface ViewBasis {
  /** Every ready step of every waiting visit in a served queue (Q-PICK-1 before "whose"). */
  readonly waiting: readonly Candidate[];
  readonly idleSince: ReadonlyMap<Id, Millis>;
  /** The visit each professional has called or is taking care of. */
  readonly currentOf: ReadonlyMap<Id, Visit>;
  readonly startedJourneys: number;
  readonly begunJourneys: number;
}

const IN_PROGRESS: readonly Visit['state'][] = ['arrived', 'waiting', 'called', 'in_care', 'away'];

export function viewBasis(state: DayState, config: CentreConfig): ViewBasis {
  const currentOf = new Map<Id, Visit>();
  let startedJourneys = 0;
  let begunJourneys = 0;
  for (const visit of Object.values(state.visits)) {
    const professionalId = activeStep(visit)?.professionalId;
    if (professionalId && !currentOf.has(professionalId)) currentOf.set(professionalId, visit);
    if (IN_PROGRESS.includes(visit.state)) startedJourneys += 1;
    if (visit.arrivedAt !== null) begunJourneys += 1;
  }
  return {
    waiting: waitingSteps(state, config),
    idleSince: idleSinceByProfessional(state),
    currentOf,
    startedJourneys,
    begunJourneys,
  };
}

/** Q-PICK-3 the one offered to me first, else the dispatcher's choice among the pool. */
function firstOf(
  pool: readonly Candidate[],
  input: DispatchInput,
  professional: Professional,
  idleSince: Millis,
  dispatcher: Dispatcher,
): Candidate | null {
  const offered = pool.find((c) => c.visit.offer?.professionalId === professional.id);
  return offered ?? choiceFor(dispatcher, input, { professional, idleSince, candidates: pool });
}

/**
 * The pool in the order the dispatcher would give it to me: the one offered to me first, then in
 * one sort when the dispatcher can rank (Q-VIEW-3), else by asking it again after each choice.
 */
function ordering(
  pool: readonly Candidate[],
  input: DispatchInput,
  professional: Professional,
  idleSince: Millis,
  dispatcher: Dispatcher,
  limit: number,
): Candidate[] {
  if (dispatcher.rank && limit > 1) {
    const offered = pool.filter((c) => c.visit.offer?.professionalId === professional.id);
    const others = pool.filter((c) => !offered.includes(c));
    const ranked = dispatcher.rank(input, { professional, idleSince, candidates: others });
    return [...offered, ...ranked].slice(0, limit);
  }
  const ordered: Candidate[] = [];
  let rest = pool;
  while (rest.length > 0 && ordered.length < limit) {
    const next = firstOf(rest, input, professional, idleSince, dispatcher);
    if (!next) break;
    ordered.push(next);
    rest = rest.filter((c) => c !== next);
  }
  return ordered;
}

/** My candidates in the order I would be given them; those Q-REQUEUE-1 defers come last. */
export function orderedFor(
  state: DayState,
  config: CentreConfig,
  professional: Professional,
  now: Millis,
  dispatcher: Dispatcher,
  limit = Number.POSITIVE_INFINITY,
  basis?: ViewBasis,
): { readonly ordered: Candidate[]; readonly deferred: Candidate[] } {
  const input: DispatchInput = { now, config, state, professionals: [] };
  const idleSince = (basis?.idleSince ?? idleSinceByProfessional(state)).get(professional.id) ?? now;
  const { eligible, deferred } = splitRequeued(
    basis ? candidatesAmong(basis.waiting, professional) : candidatesFor(state, config, professional.id),
    professional.id,
    now,
    config,
  );
  const ordered = ordering(eligible, input, professional, idleSince, dispatcher, limit);
  if (ordered.length < limit)
    ordered.push(...ordering(deferred, input, professional, idleSince, dispatcher, limit - ordered.length));
  return { ordered, deferred };
}

/** Q-DESK-2: who "call next" calls: the consultant offered to me, else the dispatcher's choice (never one Q-REQUEUE-1 defers). */
export function nextFor(
  state: DayState,
  config: CentreConfig,
  professional: Professional,
  now: Millis,
  dispatcher: Dispatcher,
): { readonly next: Candidate | null; readonly deferred: number } {
  const { ordered, deferred } = orderedFor(state, config, professional, now, dispatcher, 1);
  const next = ordered[0] ?? null;
  return { next: next && !deferred.includes(next) ? next : null, deferred: deferred.length };
}

export function queueView(
  state: DayState,
  config: CentreConfig,
  professionalId: Id,
  now: Millis,
  dispatcher: Dispatcher,
  basis: ViewBasis = viewBasis(state, config),
): QueueView {
  const professional = config.professionals.find((p) => p.id === professionalId);
  const { ordered, deferred } = professional
    ? orderedFor(state, config, professional, now, dispatcher, Number.POSITIVE_INFINITY, basis)
    : { ordered: [], deferred: [] };
  const entries = ordered.map((c): QueueEntry => ({
    visitId: c.visit.id,
    stepId: c.step.id,
    reasonId: c.visit.reasonId,
    queue: c.queue,
    priorityClass: c.visit.priorityClass,
    waitedMinutes: Math.max(0, Math.floor((now - (c.visit.readySince ?? now)) / MINUTE)),
    offeredToMe: c.visit.offer?.professionalId === professionalId,
    requeuedByMe: deferred.includes(c),
  }));
  const current = basis.currentOf.get(professionalId);
  const step = current ? activeStep(current) : undefined;
  const remaining = step
    ? Math.max(0, step.estimatedMinutes - Math.floor((now - (step.startedAt ?? now)) / MINUTE))
    : 0;
  return {
    mine: entries.filter((e) => e.queue.kind === 'professional'),
    shared: entries.filter((e) => e.queue.kind !== 'professional'),
    currentVisitId: current?.id ?? null,
    startedJourneys: basis.startedJourneys,
    begunJourneys: basis.begunJourneys,
    expectedWaitMinutes: remaining,
  };
}
