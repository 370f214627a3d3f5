/** What a professional's workstation shows: their queues and the expected wait (rules Q-VIEW-*). */
import type { CentreConfig, Id, Millis, QueueRef } from '@gfa/shared';
import type { Candidate, DayState } from './types.js';
import { candidatesFor, defaultPolicy } from './pick-policy.js';
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

export function queueView(state: DayState, config: CentreConfig, professionalId: Id, now: Millis): QueueView {
  const policy = defaultPolicy;
  const professional = config.professionals.find((p) => p.id === professionalId);
  const { eligible, deferred } = splitRequeued(
    candidatesFor(state, config, professionalId),
    professionalId,
    now,
    config,
  );
  // Order entries the way the default policy would pick them; those I sent back come last.
  const ordered: Candidate[] = [];
  for (const group of [eligible, deferred]) {
    const rest = [...group];
    while (professional && rest.length > 0) {
      const next = policy(rest, { now, professional, config });
      if (!next) break;
      ordered.push(next);
      rest.splice(rest.indexOf(next), 1);
    }
  }
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
