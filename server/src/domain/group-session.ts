/**
 * Group sessions (ETP collectif), rules Q-GROUP-*: a facilitator calls up to
 * the step's capacity of waiting participants at once, starts and finishes the
 * session for all of them; latecomers join a called session or wait for the
 * next one. A session is not stored apart: it is the participants' steps that
 * carry the same `session` reference, so it is saved, replayed and purged with
 * the visits.
 */
import type { CentreConfig, GroupAction, GroupSettings, Id, QueueRef, SessionRef, Visit } from '@gfa/shared';
import type { Candidate, DayState } from './types.js';
import type { Draft } from './draft.js';
import { fail } from './domain-error.js';
import { indexOfDraft, withGroupSteps } from './day-index.js';
import { queueServed, sameQueue, serves, stepQueue } from './queues.js';
import { compareKeys, waitKeys } from './pick-policy.js';
import { isSupervisor, requireProfessional } from './rights.js';
import { routeAvailable } from './routing.js';
import { readySteps } from './steps.js';
import { callStep, requireFree } from './visit-actions.js';

export interface Participant {
  readonly visit: Visit;
  readonly step: Visit['steps'][number];
}

/** A session called or running now, as its participants' steps describe it. */
export interface GroupSession {
  readonly id: Id;
  readonly queue: QueueRef;
  readonly label: string;
  readonly settings: GroupSettings;
  readonly facilitatorIds: readonly Id[];
  readonly stage: 'called' | 'running';
  readonly last: boolean;
  readonly roomId: Id | null;
  readonly calledAt: number;
  readonly participants: readonly Participant[];
}

/** The sessions called or running now (finished ones are history: their steps are done). */
export function groupSessions(state: Pick<DayState, 'visits'>): GroupSession[] {
  const byId = new Map<Id, Participant[]>();
  for (const visit of Object.values(state.visits)) {
    for (const step of visit.steps) {
      if (!step.session || !step.group || (step.status !== 'called' && step.status !== 'in_care')) continue;
      const list = byId.get(step.session.id) ?? [];
      list.push({ visit, step });
      byId.set(step.session.id, list);
    }
  }
  return [...byId.entries()]
    .map(([id, participants]) => {
      const lead = participants.reduce((a, b) =>
        (b.step.session?.facilitatorIds.length ?? 0) > (a.step.session?.facilitatorIds.length ?? 0) ? b : a,
      );
      const ref = lead.step.session as SessionRef;
      return {
        id,
        queue: stepQueue(lead.step, lead.visit),
        label: lead.step.label,
        settings: lead.step.group as GroupSettings,
        facilitatorIds: ref.facilitatorIds,
        stage: participants.some((p) => p.step.status === 'in_care')
          ? ('running' as const)
          : ('called' as const),
        last: participants.some((p) => p.step.session?.last),
        roomId: lead.step.roomId,
        calledAt: Math.min(...participants.map((p) => p.step.calledAt ?? 0)),
        participants: participants.sort((a, b) => (a.visit.id < b.visit.id ? -1 : 1)),
      };
    })
    .sort((a, b) => a.calledAt - b.calledAt || (a.id < b.id ? -1 : 1));
}

/**
 * Q-GROUP-2: the participants waiting for a group step, in the order they are
 * called — higher priority class, then longer wait, earlier appointment, id
 * (Q-PICK-5..8). Away consultants and those in care elsewhere are not waiting.
 */
export function groupCandidates(state: DayState, config: CentreConfig, queue?: QueueRef): Candidate[] {
  const result: Candidate[] = [];
  for (const visit of Object.values(state.visits)) {
    if (visit.state !== 'waiting') continue;
    const step = readySteps(visit).find((s) => s.group);
    if (!step) continue;
    const stepQ = stepQueue(step, visit);
    if (queue && !sameQueue(queue, stepQ)) continue;
    if (!queueServed(stepQ, config, state.desks)) continue;
    result.push({ visit, step, queue: stepQ });
  }
  const keys = (c: Candidate): number[] => [-c.visit.priorityClass, ...waitKeys(c, 0)];
  return result.sort((a, b) => compareKeys(keys(a), keys(b), a, b));
}

/** Q-GROUP-5: a session declared the last of the day has started (or is over) for this queue. */
function lastSessionHeld(state: DayState, queue: QueueRef): boolean {
  return Object.values(state.visits).some((visit) =>
    visit.steps.some(
      (s) =>
        s.session?.last === true &&
        (s.status === 'in_care' || s.status === 'done') &&
        sameQueue(stepQueue(s, visit), queue),
    ),
  );
}

function sessionOf(draft: Draft, sessionId: Id): GroupSession {
  const session = groupSessions(draft).find((s) => s.id === sessionId);
  if (!session) fail('not_found', 'Séance introuvable ou déjà terminée.', `session ${sessionId} not found`);
  return session;
}

/** Q-GROUP-4: the session's own actions are for its facilitators (or a supervisor, Q-RIGHT-3). */
function requireFacilitator(draft: Draft, session: GroupSession): void {
  const { actor } = draft.ctx;
  if (isSupervisor(actor)) return;
  const me = requireProfessional(actor);
  if (!session.facilitatorIds.includes(me)) {
    fail(
      'forbidden',
      'Vous n’animez pas cette séance.',
      `professional is not a facilitator of ${session.id}`,
    );
  }
}

function requireStage(session: GroupSession, stage: GroupSession['stage']): void {
  if (session.stage === stage) return;
  fail(
    'invalid_state',
    stage === 'called' ? 'La séance a déjà commencé.' : 'La séance n’a pas encore commencé.',
    `session ${session.id} is ${session.stage}, expected ${stage}`,
  );
}

/** Q-RIGHT-2, Q-ACT-2: a present professional, free, acting for themselves. */
function requireFreeFacilitator(draft: Draft, professionalId: Id) {
  const me = requireProfessional(draft.ctx.actor);
  if (me !== professionalId) {
    fail('forbidden', 'Vous ne pouvez agir que pour vous-même.', 'group action for another professional');
  }
  const professional = draft.ctx.config.professionals.find((p) => p.id === me && p.active);
  if (!professional) fail('forbidden', 'Professionnel inconnu.', `professional ${me} not configured`);
  requireFree(draft, me);
  return professional;
}

/** Q-GROUP-2: « Appeler le groupe » — up to capacity participants, one `visit.called` each. */
function callGroup(draft: Draft, professionalId: Id, queue: QueueRef | undefined): Id {
  const professional = requireFreeFacilitator(draft, professionalId);
  const mine = groupCandidates(draft.snapshot(), draft.ctx.config, queue).filter((c) =>
    serves(professional, c.queue),
  );
  const first = mine[0];
  if (!first) {
    fail('not_found', 'Aucun participant en attente pour une séance collective.', 'no group candidate');
  }
  const settings = first.step.group as GroupSettings;
  const chosen = mine.filter((c) => sameQueue(c.queue, first.queue)).slice(0, settings.capacity);
  const session: SessionRef = { id: draft.ctx.newId(), facilitatorIds: [professionalId], last: false };
  for (const c of chosen) {
    callStep(draft, c.visit.id, c.step.id, professionalId, session, {
      sessionId: session.id,
      participants: chosen.length,
    });
  }
  return session.id;
}

/** Q-GROUP-6: a second facilitator joins a called or running session, up to the step's number. */
function join(draft: Draft, professionalId: Id, sessionId: Id): void {
  const professional = requireFreeFacilitator(draft, professionalId);
  const session = sessionOf(draft, sessionId);
  if (!serves(professional, session.queue)) {
    fail('forbidden', 'Cette séance n’est pas dans vos files d’attente.', 'session queue not served');
  }
  if (session.facilitatorIds.length >= session.settings.facilitators) {
    fail('conflict', 'Cette séance a déjà tous ses animateurs.', `session ${sessionId} is fully staffed`);
  }
  const facilitatorIds = [...session.facilitatorIds, professionalId];
  for (const p of session.participants) {
    const visit = draft.edit(p.visit.id);
    const step = visit.steps.find((s) => s.id === p.step.id);
    if (!step?.session) continue;
    step.session = { ...step.session, facilitatorIds };
    draft.emit('visit.facilitator_joined', { visit, step, professionalId }, { sessionId });
  }
}

/** Q-GROUP-4: one action moves every participant: recall, start or finish. */
function forEachParticipant(
  draft: Draft,
  session: GroupSession,
  change: (visit: Visit, step: Visit['steps'][number]) => void,
): void {
  for (const p of session.participants) {
    const visit = draft.edit(p.visit.id);
    const step = visit.steps.find((s) => s.id === p.step.id);
    if (step) change(visit, step);
  }
}

export function groupAction(draft: Draft, professionalId: Id, action: GroupAction): Id | null {
  if (action.type === 'call') return callGroup(draft, professionalId, action.queue);
  if (action.type === 'join') {
    join(draft, professionalId, action.sessionId);
    return action.sessionId;
  }
  const session = sessionOf(draft, action.sessionId);
  requireFacilitator(draft, session);
  const data = { sessionId: session.id, participants: session.participants.length };
  switch (action.type) {
    case 'recall':
      requireStage(session, 'called');
      forEachParticipant(draft, session, (visit, step) => {
        step.callCount += 1;
        step.calledAt = draft.now;
        draft.emit(
          'visit.recalled',
          { visit, step },
          { roomId: step.roomId, callCount: step.callCount, ...data },
        );
      });
      break;
    case 'start':
      requireStage(session, 'called');
      forEachParticipant(draft, session, (visit, step) => {
        step.status = 'in_care';
        step.startedAt = draft.now;
        step.session = { ...(step.session as SessionRef), last: action.last === true };
        visit.state = 'in_care';
        draft.emit('visit.care_started', { visit, step }, data);
      });
      break;
    case 'finish':
      requireStage(session, 'running');
      forEachParticipant(draft, session, (visit, step) => {
        step.status = 'done';
        step.endedAt = draft.now;
        draft.emit(
          'visit.care_finished',
          { visit, step },
          { durationMs: draft.now - (step.startedAt ?? draft.now), ...data },
        );
        routeAvailable(draft, visit, false);
      });
      break;
  }
  return session.id;
}

/**
 * After every command (before offers):
 * Q-GROUP-3 a participant who becomes ready while a session of his step is
 * called (not started) and has room joins it (`visit.called` with `late`),
 * unless he was just sent back from a session as absent;
 * Q-GROUP-5 once the last session of the day has started, a participant whose
 * only ready steps are that group step is sent to reception
 * (`visit.sent_to_reception`, `cause: no_next_session`); otherwise a latecomer
 * simply waits for the next session.
 */
export function settleGroups(draft: Draft): void {
  // Participants and candidates are live visits: without a group step among them there is nothing to
  // settle, and the day's index says so without reading every visit (this runs after every command).
  if (indexOfDraft(draft).grouped.size === 0) return;
  const grouped = (): DayState => withGroupSteps(draft.snapshot(), indexOfDraft(draft));
  for (const session of groupSessions(grouped())) {
    if (session.stage !== 'called') continue;
    const room = session.settings.capacity - session.participants.length;
    if (room <= 0) continue;
    const ref: SessionRef = { id: session.id, facilitatorIds: [...session.facilitatorIds], last: false };
    const lead = session.facilitatorIds[0] as Id;
    // One sent back as absent (Q-GROUP-4) is not pulled straight back in: he waits for the next session.
    const late = groupCandidates(grouped(), draft.ctx.config, session.queue).filter((c) => !c.visit.requeued);
    for (const c of late.slice(0, room)) {
      callStep(draft, c.visit.id, c.step.id, lead, ref, { sessionId: session.id, late: true });
    }
  }
  const state = draft.snapshot();
  for (const c of groupCandidates(grouped(), draft.ctx.config)) {
    if (!lastSessionHeld(state, c.queue)) continue;
    if (readySteps(c.visit).some((s) => !s.group)) continue;
    const visit = draft.edit(c.visit.id);
    visit.state = 'arrived';
    visit.offer = null;
    draft.emit('visit.sent_to_reception', { visit, step: c.step }, { cause: 'no_next_session' });
  }
}
