/** What a professional's workstation shows: their queues and the expected wait (rules Q-VIEW-*). */
import type { CentreConfig, Id, Millis, Professional, QueueRef } from '@gfa/shared';
import type { Candidate, DayState, DispatchInput, Dispatcher } from './types.js';
import { choiceFor } from './dispatch.js';
import { idleSinceByProfessional } from './idle.js';
import { candidatesFor } from './pick-policy.js';
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
}

export interface QueueView {
  /** Consultants waiting in my named queue. */
  readonly mine: QueueEntry[];
  /** Consultants waiting in the queues of my categories and reasons. */
  readonly shared: QueueEntry[];
  /** The consultant I have called or am taking care of. */
  readonly currentVisitId: Id | null;
  /** Q-VIEW-1: consultants of the day whose journey has begun (arrived, not yet done/left). */
  readonly startedJourneys: number;
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

/** My candidates in the order I would be given them. */
export function orderedFor(
  state: DayState,
  config: CentreConfig,
  professional: Professional,
  now: Millis,
  dispatcher: Dispatcher,
  limit = Number.POSITIVE_INFINITY,
): Candidate[] {
  const input: DispatchInput = { now, config, state, professionals: [] };
  const idleSince = idleSinceByProfessional(state).get(professional.id) ?? now;
  let pool = candidatesFor(state, config, professional.id);
  const ordered: Candidate[] = [];
  while (pool.length > 0 && ordered.length < limit) {
    const next = firstOf(pool, input, professional, idleSince, dispatcher);
    if (!next) break;
    ordered.push(next);
    pool = pool.filter((c) => c !== next);
  }
  return ordered;
}

/** Q-DESK-2: who "call next" calls: the consultant offered to me, else the dispatcher's choice. */
export function nextFor(
  state: DayState,
  config: CentreConfig,
  professional: Professional,
  now: Millis,
  dispatcher: Dispatcher,
): Candidate | null {
  return orderedFor(state, config, professional, now, dispatcher, 1)[0] ?? null;
}

export function queueView(
  state: DayState,
  config: CentreConfig,
  professionalId: Id,
  now: Millis,
  dispatcher: Dispatcher,
): QueueView {
  const professional = config.professionals.find((p) => p.id === professionalId);
  const ordered = professional ? orderedFor(state, config, professional, now, dispatcher) : [];
  const entries = ordered.map((c): QueueEntry => ({
    visitId: c.visit.id,
    stepId: c.step.id,
    reasonId: c.visit.reasonId,
    queue: c.queue,
    priorityClass: c.visit.priorityClass,
    waitedMinutes: Math.max(0, Math.floor((now - (c.visit.readySince ?? now)) / MINUTE)),
    offeredToMe: c.visit.offer?.professionalId === professionalId,
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
    expectedWaitMinutes: remaining,
  };
}
