/**
 * Group sessions in the forward loop (Q-FORECAST-2 for Q-GROUP-*): a free facilitator calls the group once
 * it is full or the earliest participant's appointment time has come; the session starts after the
 * longest walk of its participants and ends after the care duration of its step; a second present and
 * free facilitator joins it. Pure: the moves are re-checked against the state when their time comes.
 */
import type { CentreConfig, Id, Millis, QueueRef } from '@gfa/shared';
import type { Actor, DayState, EngineCommand } from './types.js';
import type { Behaviour } from './behaviour.js';
import { holdsSomeone, indexOf, withGroupSteps } from './day-index.js';
import { groupCandidates, groupSessions } from './group-session.js';
import { queueKey, serves } from './queues.js';

const MINUTE = 60_000;

export interface GroupMove {
  readonly at: Millis;
  readonly make: (state: DayState) => { command: EngineCommand; actor: Actor } | null;
}

type ActorOf = (professionalId: Id) => Actor;

/** Professionals available and holding nobody (alone or in a session). */
function freeProfessionals(state: DayState, config: CentreConfig): Id[] {
  const index = indexOf(state);
  return config.professionals
    .filter((p) => p.active && state.desks[p.id]?.state === 'available' && !holdsSomeone(index, p.id))
    .map((p) => p.id);
}

const group = (professionalId: Id, action: Extract<EngineCommand, { type: 'group' }>['action']) =>
  ({ type: 'group', professionalId, action }) as const;

/** The next moves of every group session of the day, given the state after a command. */
export function groupMoves(
  state: DayState,
  config: CentreConfig,
  now: Millis,
  behaviour: Behaviour,
  actorOf: ActorOf,
): GroupMove[] {
  const grouped = withGroupSteps(state);
  if (Object.keys(grouped.visits).length === 0) return [];
  const moves: GroupMove[] = [];
  const sessions = groupSessions(grouped);
  const free = freeProfessionals(state, config);
  const facilitatorFor = (queue: QueueRef): Id | undefined =>
    free.find((id) => {
      const p = config.professionals.find((x) => x.id === id);
      return p !== undefined && serves(p, queue);
    });
  for (const session of sessions) {
    const lead = session.facilitatorIds[0] as Id;
    const first = session.participants[0];
    if (!first) continue;
    const still = (s: DayState, stage: 'called' | 'running') =>
      groupSessions(withGroupSteps(s)).some((x) => x.id === session.id && x.stage === stage);
    const helper = facilitatorFor(session.queue);
    if (helper && session.facilitatorIds.length < session.settings.facilitators) {
      moves.push({
        at: now,
        make: () => ({
          command: group(helper, { type: 'join', sessionId: session.id }),
          actor: actorOf(helper),
        }),
      });
    }
    if (session.stage === 'called') {
      const walk = Math.max(...session.participants.map((p) => behaviour.walkMinutes(p.visit, p.step)));
      moves.push({
        at: Math.max(now, session.calledAt + walk * MINUTE),
        make: (s) =>
          still(s, 'called')
            ? { command: group(lead, { type: 'start', sessionId: session.id }), actor: actorOf(lead) }
            : null,
      });
    } else {
      const professional = config.professionals.find((p) => p.id === lead);
      const startedAt = first.step.startedAt ?? now;
      if (!professional) continue;
      moves.push({
        at: Math.max(now, startedAt + behaviour.careMinutes(first.visit, first.step, professional) * MINUTE),
        make: (s) =>
          still(s, 'running')
            ? { command: group(lead, { type: 'finish', sessionId: session.id }), actor: actorOf(lead) }
            : null,
      });
    }
  }
  const live = new Set(sessions.map((s) => queueKey(s.queue)));
  const waiting = new Map<string, ReturnType<typeof groupCandidates>>();
  for (const c of groupCandidates(grouped, config)) {
    const key = queueKey(c.queue);
    if (!live.has(key)) waiting.set(key, [...(waiting.get(key) ?? []), c]);
  }
  for (const [key, list] of waiting) {
    const first = list[0];
    if (!first?.step.group) continue;
    const caller = facilitatorFor(first.queue);
    if (!caller) continue;
    const due = Math.min(...list.map((c) => c.visit.appointmentAt ?? c.visit.readySince ?? now));
    const at = list.length >= first.step.group.capacity ? now : Math.max(now, due);
    moves.push({
      at,
      make: (s) =>
        groupSessions(withGroupSteps(s)).some((x) => queueKey(x.queue) === key)
          ? null
          : { command: group(caller, { type: 'call', queue: first.queue }), actor: actorOf(caller) },
    });
  }
  return moves;
}
