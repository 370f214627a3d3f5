/** The facilitator's view of the group sessions they may run (rules Q-GROUP-*). */
import type { CentreConfig, GroupQueueDto, GroupSettings, Id, Millis, QueueRef } from '@gfa/shared';
import type { Candidate, DayState } from './types.js';
import { groupCandidates, groupSessions, type GroupSession } from './group-session.js';
import { queueKey, resolveTarget, sameQueue, serves } from './queues.js';

const MINUTE = 60_000;

interface GroupQueue {
  readonly queue: QueueRef;
  readonly label: string;
  readonly settings: GroupSettings;
}

/** Q-VIEW-3: the group sessions and group candidates of one state, shared by every professional's view. */
export interface GroupBasis {
  readonly sessions: readonly GroupSession[];
  /** Every waiting participant, in the order they are called (groupCandidates). */
  readonly candidates: readonly Candidate[];
}

export function groupBasis(state: DayState, config: CentreConfig): GroupBasis {
  return { sessions: groupSessions(state), candidates: groupCandidates(state, config) };
}

/**
 * The group steps' queues this professional serves: those of the current
 * templates (so an empty queue still shows), of participants waiting and of
 * the sessions called or running.
 */
function groupQueuesOf(config: CentreConfig, professionalId: Id, basis: GroupBasis): GroupQueue[] {
  const professional = config.professionals.find((p) => p.id === professionalId && p.active);
  if (!professional) return [];
  const found = new Map<string, GroupQueue>();
  const add = (queue: QueueRef, label: string, settings: GroupSettings | undefined): void => {
    if (settings && serves(professional, queue) && !found.has(queueKey(queue)))
      found.set(queueKey(queue), { queue, label, settings });
  };
  for (const session of basis.sessions) add(session.queue, session.label, session.settings);
  for (const c of basis.candidates) add(c.queue, c.step.label, c.step.group);
  for (const template of config.templates) {
    for (const step of template.steps) {
      if (step.target.kind !== 'appointment_professional')
        // The visit is read only for appointment targets, excluded here.
        add(resolveTarget(step.target, {} as never), step.label, step.group);
    }
  }
  return [...found.values()];
}

export function groupView(
  state: DayState,
  config: CentreConfig,
  professionalId: Id,
  now: Millis,
  basis: GroupBasis = groupBasis(state, config),
): GroupQueueDto[] {
  return groupQueuesOf(config, professionalId, basis).map(({ queue, label, settings }) => ({
    queue,
    label,
    capacity: settings.capacity,
    facilitators: settings.facilitators,
    // A queue's own candidates, in the order of all of them (groupCandidates with a queue).
    waiting: basis.candidates
      .filter((c) => sameQueue(c.queue, queue))
      .map((c) => ({
        visitId: c.visit.id,
        waitedMinutes: Math.max(0, Math.floor((now - (c.visit.readySince ?? now)) / MINUTE)),
      })),
    sessions: basis.sessions
      .filter((s) => queueKey(s.queue) === queueKey(queue))
      .map((s) => ({
        id: s.id,
        stage: s.stage,
        facilitatorIds: [...s.facilitatorIds],
        roomId: s.roomId,
        calledAt: s.calledAt,
        startedAt: s.participants[0]?.step.startedAt ?? null,
        last: s.last,
        participantIds: s.participants.map((p) => p.visit.id),
        mine: s.facilitatorIds.includes(professionalId),
      })),
  }));
}
