/** Routing: which queue each ready step of a visit waits in, and who serves a queue. */
import type {
  CentreConfig,
  Desk,
  Id,
  Professional,
  QueueRef,
  StepInstance,
  StepTarget,
  Visit,
} from '@gfa/shared';
import { readySteps } from './steps.js';

/**
 * Q-ROUTE-2..4: a named professional's queue, the appointment's professional
 * (else the fallback category), a category's queue or a reason's queue.
 */
export function resolveTarget(target: StepTarget, visit: Visit): QueueRef {
  switch (target.kind) {
    case 'professional':
      return { kind: 'professional', professionalId: target.professionalId };
    case 'appointment_professional':
      return visit.appointmentProfessionalId
        ? { kind: 'professional', professionalId: visit.appointmentProfessionalId }
        : { kind: 'category', categoryId: target.fallbackCategoryId };
    case 'category':
      return { kind: 'category', categoryId: target.categoryId };
    case 'reason':
      return { kind: 'reason', reasonId: target.reasonId };
  }
}

export function stepQueue(step: StepInstance, visit: Visit): QueueRef {
  return resolveTarget(step.target, visit);
}

/**
 * Q-ROUTE-5: does this queue have at least one active professional to serve it?
 * Q-ROUTE-6: with today's desks, a professional who logged in and then went
 * offline has left for the day and no longer counts (one not yet logged in may
 * still come).
 */
export function queueServed(
  queue: QueueRef,
  config: CentreConfig,
  desks: Readonly<Record<Id, Desk>> = {},
): boolean {
  return config.professionals.some((p) => p.active && desks[p.id]?.state !== 'offline' && serves(p, queue));
}

export function serves(professional: Professional, queue: QueueRef): boolean {
  switch (queue.kind) {
    case 'professional':
      return queue.professionalId === professional.id;
    case 'category':
      return professional.categoryIds.includes(queue.categoryId);
    case 'reason':
      return professional.reasonIds.includes(queue.reasonId);
    case 'reception':
      return false;
  }
}

/** Q-ROUTE-1: the queues a visit waits in right now (one per ready step); reception when none. */
export function queuesOf(
  visit: Visit,
  config: CentreConfig,
  desks: Readonly<Record<Id, Desk>> = {},
): QueueRef[] {
  if (visit.state === 'arrived') return [{ kind: 'reception' }];
  if (visit.state !== 'waiting') return [];
  const queues = readySteps(visit)
    .map((step) => stepQueue(step, visit))
    .filter((q) => queueServed(q, config, desks));
  return queues.length > 0 ? queues : [{ kind: 'reception' }];
}

/** A short string naming a queue (a map key). */
export function queueKey(queue: QueueRef): string {
  switch (queue.kind) {
    case 'professional':
      return `p:${queue.professionalId}`;
    case 'category':
      return `c:${queue.categoryId}`;
    case 'reason':
      return `r:${queue.reasonId}`;
    case 'reception':
      return 'reception';
  }
}

export function sameQueue(a: QueueRef, b: QueueRef): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
