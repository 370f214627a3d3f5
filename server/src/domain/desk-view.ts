/** What a professional's workstation shows: their queues and the expected wait (rules Q-VIEW-*). */
import type { CentreConfig, Id, Millis, QueueRef } from '@gfa/shared';
import type { DayState } from './types.js';
import { candidatesFor, defaultPolicy } from './pick-policy.js';
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

export function queueView(state: DayState, config: CentreConfig, professionalId: Id, now: Millis): QueueView {
  const policy = defaultPolicy;
  const professional = config.professionals.find((p) => p.id === professionalId);
  const candidates = candidatesFor(state, config, professionalId);
  // Order entries the way the default policy would pick them.
  const ordered: typeof candidates = [];
  const rest = [...candidates];
  while (professional && rest.length > 0) {
    const next = policy(rest, { now, professional, config });
    if (!next) break;
    ordered.push(next);
    rest.splice(rest.indexOf(next), 1);
  }
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
