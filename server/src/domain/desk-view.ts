/** What a professional's workstation shows: their queues and the expected wait (rules Q-VIEW-*). */
import type { CentreConfig, Id, Millis, Professional, QueueRef } from '@gfa/shared';
import type { Candidate, DayState, DispatchInput, Dispatcher } from './types.js';
import { choiceFor } from './dispatch.js';
import { idleSinceByProfessional } from './idle.js';
import { candidatesFor } from './pick-policy.js';
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

/** My candidates in the order I would be given them; those Q-REQUEUE-1 defers come last. */
export function orderedFor(
  state: DayState,
  config: CentreConfig,
  professional: Professional,
  now: Millis,
  dispatcher: Dispatcher,
  limit = Number.POSITIVE_INFINITY,
): { readonly ordered: Candidate[]; readonly deferred: Candidate[] } {
  const input: DispatchInput = { now, config, state, professionals: [] };
  const idleSince = idleSinceByProfessional(state).get(professional.id) ?? now;
  const { eligible, deferred } = splitRequeued(
    candidatesFor(state, config, professional.id),
    professional.id,
    now,
    config,
  );
  const ordered: Candidate[] = [];
  for (const group of [eligible, deferred]) {
    let pool = group;
    while (pool.length > 0 && ordered.length < limit) {
      const next = firstOf(pool, input, professional, idleSince, dispatcher);
      if (!next) break;
      ordered.push(next);
      pool = pool.filter((c) => c !== next);
    }
  }
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
): QueueView {
  const professional = config.professionals.find((p) => p.id === professionalId);
  const { ordered, deferred } = professional
    ? orderedFor(state, config, professional, now, dispatcher)
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
  const visits = Object.values(state.visits);
  const current = visits.find((v) => activeStep(v)?.professionalId === professionalId);
  const step = current ? activeStep(current) : undefined;
  const remaining = step
    ? Math.max(0, step.estimatedMinutes - Math.floor((now - (step.startedAt ?? now)) / MINUTE))
    : 0;
  return {
    mine: entries.filter((e) => e.queue.kind === 'professional'),
    shared: entries.filter((e) => e.queue.kind !== 'professional'),
    currentVisitId: current?.id ?? null,
    startedJourneys: visits.filter((v) =>
      ['arrived', 'waiting', 'called', 'in_care', 'away'].includes(v.state),
    ).length,
    begunJourneys: visits.filter((v) => v.arrivedAt !== null).length,
    expectedWaitMinutes: remaining,
  };
}
