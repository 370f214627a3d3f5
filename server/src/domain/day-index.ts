/**
 * The day's live visits, indexed for the assignment round (rule Q-OFFER-3):
 * after a command only the visits it changed are re-read, so a round costs
 * what the free professionals and their queues hold, not every visit of the
 * day. Each index is remembered beside the visits record it describes (a
 * weak map: results never depend on it, a missing one is rebuilt).
 */
import type { Id, Millis, Visit } from '@gfa/shared';
import type { Candidate, DayState } from './types.js';
import type { Draft } from './draft.js';
import { queueKey, stepQueue } from './queues.js';
import { activeStep, readySteps } from './steps.js';

export interface DayIndex {
  /** Visits waiting, called, in care or holding an offer. */
  readonly live: ReadonlyMap<Id, Visit>;
  /** The ready steps of each waiting visit, with their queue (served or not). */
  readonly ready: ReadonlyMap<Id, readonly Candidate[]>;
  /** Q-OFFER-1: when each professional's last care today ended. */
  readonly lastEnded: ReadonlyMap<Id, Millis>;
  /** The live visits with a group step (Q-GROUP-*): the only ones a session can involve. */
  readonly grouped: ReadonlySet<Id>;
}

interface MutableIndex {
  readonly live: Map<Id, Visit>;
  readonly ready: Map<Id, readonly Candidate[]>;
  readonly grouped: Set<Id>;
  /** Shared with the base index until a care ends (most commands end none). */
  lastEnded: Map<Id, Millis>;
  ownsLastEnded: boolean;
}

const known = new WeakMap<object, DayIndex>();
const drafts = new WeakMap<Draft, MutableIndex>();

const isLive = (v: Visit): boolean =>
  v.state === 'waiting' ||
  v.state === 'called' ||
  v.state === 'in_care' ||
  v.offer !== null ||
  activeStep(v) !== undefined;

function readyOf(visit: Visit): Candidate[] {
  return readySteps(visit).map((step) => ({ visit, step, queue: stepQueue(step, visit) }));
}

/** Re-reads the given visits into the index (the others stay as they are). */
function refresh(index: MutableIndex, visits: Readonly<Record<Id, Visit>>, ids: Iterable<Id>): void {
  const { live, ready, grouped } = index;
  for (const id of ids) {
    const visit = visits[id];
    live.delete(id);
    ready.delete(id);
    grouped.delete(id);
    if (!visit) continue;
    if (isLive(visit)) {
      live.set(id, visit);
      if (visit.steps.some((s) => s.group)) grouped.add(id);
    }
    if (visit.state === 'waiting') ready.set(id, readyOf(visit));
    if (visit.arrivedAt === null) continue; // nobody took care of them yet
    // End times are only ever set, never cleared: the running maximum stays exact.
    for (const step of visit.steps) {
      if (step.professionalId === null || step.endedAt === null) continue;
      if (step.endedAt <= (index.lastEnded.get(step.professionalId) ?? 0)) continue;
      if (!index.ownsLastEnded) {
        index.lastEnded = new Map(index.lastEnded);
        index.ownsLastEnded = true;
      }
      index.lastEnded.set(step.professionalId, step.endedAt);
    }
  }
}

/** The index of a day's state: remembered, else built once from every visit. */
export function indexOf(state: DayState): DayIndex {
  let index = known.get(state.visits);
  if (!index) {
    const built: MutableIndex = {
      live: new Map(),
      ready: new Map(),
      grouped: new Set(),
      lastEnded: new Map(),
      ownsLastEnded: true,
    };
    refresh(built, state.visits, Object.keys(state.visits));
    known.set(state.visits, (index = built));
  }
  return index;
}

/**
 * The index of the draft as it stands: its base's, copied once per command,
 * with the visits the command changed so far re-read.
 */
export function indexOfDraft(draft: Draft): DayIndex {
  let index = drafts.get(draft);
  if (!index) {
    const base = indexOf(draft.base);
    index = {
      live: new Map(base.live),
      ready: new Map(base.ready),
      grouped: new Set(base.grouped),
      lastEnded: base.lastEnded as Map<Id, Millis>,
      ownsLastEnded: false,
    };
    drafts.set(draft, index);
  }
  refresh(index, draft.visits, draft.changedVisits);
  return index;
}

/** Keeps the draft's final index for the next command, which starts from this state. */
export function rememberIndex(state: DayState, draft: Draft): void {
  known.set(state.visits, indexOfDraft(draft));
}

/** Each professional with a consultant called or in care, and that visit. */
export function heldVisits(index: DayIndex): Map<Id, Visit> {
  const held = new Map<Id, Visit>();
  for (const visit of index.live.values()) {
    const active = activeStep(visit);
    if (active?.professionalId && !held.has(active.professionalId)) held.set(active.professionalId, visit);
    // Q-GROUP-6: a co-facilitator holds the session's participants too.
    for (const professionalId of active?.session?.facilitatorIds ?? [])
      if (!held.has(professionalId)) held.set(professionalId, visit);
  }
  return held;
}

/** The ready steps of waiting visits not offered to anyone, by queue key. */
export function openByQueue(index: DayIndex): Map<string, Candidate[]> {
  const byQueue = new Map<string, Candidate[]>();
  for (const candidates of index.ready.values()) {
    for (const c of candidates) {
      // Q-GROUP-1: a group step is called with its group, never offered one by one.
      if (c.visit.offer || c.step.group) continue;
      const key = queueKey(c.queue);
      const list = byQueue.get(key);
      if (list) list.push(c);
      else byQueue.set(key, [c]);
    }
  }
  return byQueue;
}
