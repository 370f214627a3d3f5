/**
 * Drives the engine itself forward in virtual time (rules Q-FORECAST-*): the
 * day simulator and the forecast share this loop, so neither has a second
 * model of the queue rules. Pure: what happens (durations, added steps,
 * collations) comes from a behaviour the caller provides, and ids from the
 * caller's `newId`.
 */
import type { CentreConfig, Id, Millis, StepInstance, Visit, VisitAction } from '@gfa/shared';
import type { Actor, DayState, Dispatcher, EngineCommand, EngineResult } from './types.js';
import { apply } from './queue-engine.js';
import { handOver, takeBack } from './draft.js';
import { activeStep } from './steps.js';
import { groupMoves } from './forward-groups.js';
import type { Behaviour } from './behaviour.js';

export type { Behaviour } from './behaviour.js';

const MINUTE = 60_000;

/** A command that happens at a set time whatever the engine does (an arrival, a presence change). */
export interface Scheduled {
  readonly at: Millis;
  /** A command, or one made from the state at that time (a check-in finds its visit). */
  readonly command: EngineCommand | ((state: DayState) => EngineCommand | null);
  readonly actor: Actor;
}

export interface ForwardRun {
  readonly state: DayState;
  readonly now: Millis;
  readonly config: CentreConfig;
  readonly dispatcher: Dispatcher;
  readonly behaviour: Behaviour;
  readonly newId: () => Id;
  readonly scheduled?: readonly Scheduled[];
  /** Nothing after this time is simulated. */
  readonly until: Millis;
  /** Asked after each applied command: true ends the run there. */
  readonly stopWhen?: () => boolean;
  /** The engine's entry point; a bench passes a timed wrapper of `apply`. */
  readonly apply?: typeof apply;
  /**
   * Each state the run made is handed over to the next command, which then
   * changes its records in place (see Draft): the default. False keeps every
   * state intact, as the server's commands do (npm run bench:engine measures those).
   */
  readonly handOver?: boolean;
  /**
   * Sees every applied command's result, in order. The result's state is the
   * run's: read it during the call (the next command may change its records).
   */
  readonly observe?: (result: Extract<EngineResult, { ok: true }>, at: Millis) => void;
}

interface Pending {
  readonly at: Millis;
  readonly seq: number;
  readonly make: (state: DayState) => { command: EngineCommand; actor: Actor } | null;
}

const SYSTEM: Actor = { ref: { kind: 'system', id: 'system' }, roles: ['supervisor'], professionalId: null };

export function professionalActor(professionalId: Id): Actor {
  return { ref: { kind: 'user', id: professionalId }, roles: ['user'], professionalId };
}

/** A small binary heap ordered by time then insertion. */
class Agenda {
  private readonly heap: Pending[] = [];
  private seq = 0;

  push(at: Millis, make: Pending['make']): void {
    const heap = this.heap;
    heap.push({ at, seq: this.seq++, make });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i] as Pending, heap[parent] as Pending)) break;
      [heap[i], heap[parent]] = [heap[parent] as Pending, heap[i] as Pending];
      i = parent;
    }
  }

  pop(): Pending | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l] as Pending, heap[m] as Pending)) m = l;
        if (r < heap.length && before(heap[r] as Pending, heap[m] as Pending)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m] as Pending, heap[i] as Pending];
        i = m;
      }
    }
    return top;
  }
}

const before = (a: Pending, b: Pending): boolean => a.at < b.at || (a.at === b.at && a.seq < b.seq);

const visitCommand = (visitId: Id, action: VisitAction, actor: Actor) => ({
  command: { type: 'visit', visitId, action } as const,
  actor,
});

/**
 * Q-FORECAST-2: professionals take the consultant offered to them at once;
 * care lasts what the behaviour says; the consultant then goes where the
 * engine routes them. Returns the state when nothing is left to happen.
 */
export function runForward(run: ForwardRun): DayState {
  const { behaviour, config } = run;
  const agenda = new Agenda();
  let state = run.state;
  let now = run.now;

  const step = (visit: Visit, stepId: Id): StepInstance | undefined =>
    visit.steps.find((s) => s.id === stepId);

  /** The follow-ups of a visit in its current state (called → start, in care → finish, away → back). */
  const follow = (visit: Visit): void => {
    const active = activeStep(visit);
    if (visit.state === 'called' && active?.calledAt !== null && active?.calledAt !== undefined) {
      const actor = professionalActor(active.professionalId as Id);
      const at = Math.max(now, active.calledAt + behaviour.walkMinutes(visit, active) * MINUTE);
      agenda.push(at, () => visitCommand(visit.id, { type: 'start' }, actor));
    } else if (visit.state === 'in_care' && active?.startedAt !== null && active?.startedAt !== undefined) {
      const professional = config.professionals.find((p) => p.id === active.professionalId);
      if (!professional) return;
      const at = Math.max(
        now,
        active.startedAt + behaviour.careMinutes(visit, active, professional) * MINUTE,
      );
      agenda.push(at, (s) => {
        const current = s.visits[visit.id];
        const done = current && step(current, active.id);
        if (!current || done?.status !== 'in_care') return null;
        const addSteps = [...behaviour.addedSteps(current, done)];
        return visitCommand(visit.id, { type: 'finish', addSteps }, professionalActor(professional.id));
      });
    } else if (visit.state === 'away' && visit.away) {
      const at = Math.max(now, visit.away.since + behaviour.awayMinutes(visit) * MINUTE);
      agenda.push(at, () => visitCommand(visit.id, { type: 'back' }, SYSTEM));
    }
  };

  /** After a command: offers are taken at once, reception acts, and the next moves are scheduled. */
  const react = (
    result: Extract<EngineResult, { ok: true }>,
    finished: { visitId: Id; stepId: Id } | null,
  ) => {
    for (const id of result.changedVisitIds) {
      const visit = state.visits[id];
      if (!visit) continue;
      if (finished && finished.visitId === id && (visit.state === 'waiting' || visit.state === 'arrived')) {
        const done = step(visit, finished.stepId);
        const away = done ? behaviour.awayAfter(visit, done) : null;
        if (away) {
          agenda.push(now, () => visitCommand(id, { type: 'away', reason: away.reason }, SYSTEM));
          agenda.push(now + away.minutes * MINUTE, () => visitCommand(id, { type: 'back' }, SYSTEM));
          continue;
        }
      }
      if (visit.offer) {
        const offer = visit.offer;
        agenda.push(now, (s) =>
          s.visits[id]?.offer?.professionalId === offer.professionalId
            ? visitCommand(
                id,
                { type: 'call', stepId: offer.stepId },
                professionalActor(offer.professionalId),
              )
            : null,
        );
      } else if (visit.state === 'arrived' && visit.arrivedAt !== null) {
        agenda.push(now, (s) => {
          const current = s.visits[id];
          const action = current?.state === 'arrived' ? behaviour.atReception(current, s) : null;
          return action ? visitCommand(id, action, SYSTEM) : null;
        });
      }
      if (
        !activeStep(visit)?.session &&
        result.events.some(
          (e) => e.visitId === id && (e.type === 'visit.called' || e.type === 'visit.care_started'),
        )
      ) {
        follow(visit);
      }
    }
  };

  for (const s of run.scheduled ?? []) {
    agenda.push(s.at, (current) => {
      const command = typeof s.command === 'function' ? s.command(current) : s.command;
      return command ? { command, actor: s.actor } : null;
    });
  }
  for (const visit of Object.values(state.visits)) {
    if (!activeStep(visit)?.session) follow(visit);
    if (visit.offer) {
      const offer = visit.offer;
      agenda.push(now, (s) =>
        s.visits[visit.id]?.offer?.professionalId === offer.professionalId
          ? visitCommand(
              visit.id,
              { type: 'call', stepId: offer.stepId },
              professionalActor(offer.professionalId),
            )
          : null,
      );
    }
  }

  for (const move of groupMoves(state, config, now, behaviour, professionalActor))
    agenda.push(move.at, move.make);

  for (let next = agenda.pop(); next && next.at <= run.until; next = agenda.pop()) {
    now = Math.max(now, next.at);
    const made = next.make(state);
    if (!made) continue;
    // The caller's state is theirs; those the run made are read by nobody once the next command runs.
    const owned = state !== run.state && run.handOver !== false;
    if (owned) handOver(state);
    const result = (run.apply ?? apply)(state, made.command, {
      now,
      actor: made.actor,
      config,
      newId: run.newId,
      dispatcher: run.dispatcher,
    });
    if (owned) takeBack(state);
    if (!result.ok) continue;
    state = result.state;
    run.observe?.(result, now);
    const command = made.command;
    const finished =
      command.type === 'visit' && command.action.type === 'finish'
        ? {
            visitId: command.visitId,
            stepId: result.events.find((e) => e.type === 'visit.care_finished')?.stepId ?? '',
          }
        : null;
    react(result, finished);
    if (run.stopWhen?.()) break;
    // Group sessions are called, joined, started and finished by their own moves (Q-GROUP-*).
    for (const move of groupMoves(state, config, now, behaviour, professionalActor))
      agenda.push(move.at, move.make);
  }
  return state;
}
