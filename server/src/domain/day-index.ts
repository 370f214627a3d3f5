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
  /** The queue key of each of those ready steps, in the same order. */
  readonly readyKeys: ReadonlyMap<Id, readonly string[]>;
  /** Q-OFFER-1: when each professional's last care today ended. */
  readonly lastEnded: ReadonlyMap<Id, Millis>;
  /** The live visits with a group step (Q-GROUP-*): the only ones a session can involve. */
  readonly grouped: ReadonlySet<Id>;
  /** Q-ACT-2: how many live visits each professional holds (called or in care, Q-GROUP-6 co-facilitators too). */
  readonly heldCount: ReadonlyMap<Id, number>;
  /** Q-OFFER-1: the live visits holding an offer, and to whom. */
  readonly offered: ReadonlyMap<Id, Id>;
  /** How many offers each professional holds. */
  readonly offerCount: ReadonlyMap<Id, number>;
}

interface MutableIndex {
  readonly live: Map<Id, Visit>;
  readonly ready: Map<Id, readonly Candidate[]>;
  readonly readyKeys: Map<Id, readonly string[]>;
  readonly grouped: Set<Id>;
  /** The professionals each live visit holds (for heldCount). */
  readonly holds: Map<Id, readonly Id[]>;
  readonly heldCount: Map<Id, number>;
  readonly offered: Map<Id, Id>;
  readonly offerCount: Map<Id, number>;
  /** Shared with the base index until a care ends (most commands end none). */
  lastEnded: Map<Id, Millis>;
  ownsLastEnded: boolean;
}

const known = new WeakMap<object, MutableIndex>();
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

/** The professionals a visit keeps busy: its active step's, and a session's co-facilitators (Q-GROUP-6). */
function holdersOf(visit: Visit): Id[] {
  const active = activeStep(visit);
  if (!active) return [];
  const holders = active.professionalId ? [active.professionalId] : [];
  for (const id of active.session?.facilitatorIds ?? []) if (!holders.includes(id)) holders.push(id);
  return holders;
}

function count(counts: Map<Id, number>, id: Id, by: number): void {
  const n = (counts.get(id) ?? 0) + by;
  if (n === 0) counts.delete(id);
  else counts.set(id, n);
}

function forget(index: MutableIndex, id: Id): void {
  index.live.delete(id);
  index.ready.delete(id);
  index.readyKeys.delete(id);
  index.grouped.delete(id);
  for (const professionalId of index.holds.get(id) ?? []) count(index.heldCount, professionalId, -1);
  index.holds.delete(id);
  const offeredTo = index.offered.get(id);
  if (offeredTo !== undefined) count(index.offerCount, offeredTo, -1);
  index.offered.delete(id);
}

/** Re-reads the given visits into the index (the others stay as they are). */
function refresh(index: MutableIndex, visits: Readonly<Record<Id, Visit>>, ids: Iterable<Id>): void {
  for (const id of ids) {
    const visit = visits[id];
    forget(index, id);
    if (!visit) continue;
    if (isLive(visit)) {
      index.live.set(id, visit);
      if (visit.steps.some((s) => s.group)) index.grouped.add(id);
      const holders = holdersOf(visit);
      if (holders.length > 0) {
        index.holds.set(id, holders);
        for (const professionalId of holders) count(index.heldCount, professionalId, 1);
      }
      if (visit.offer) {
        index.offered.set(id, visit.offer.professionalId);
        count(index.offerCount, visit.offer.professionalId, 1);
      }
    }
    if (visit.state === 'waiting') {
      const candidates = readyOf(visit);
      index.ready.set(id, candidates);
      index.readyKeys.set(
        id,
        candidates.map((c) => queueKey(c.queue)),
      );
    }
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

function build(visits: Readonly<Record<Id, Visit>>): MutableIndex {
  const built: MutableIndex = {
    live: new Map(),
    ready: new Map(),
    readyKeys: new Map(),
    grouped: new Set(),
    holds: new Map(),
    heldCount: new Map(),
    offered: new Map(),
    offerCount: new Map(),
    lastEnded: new Map(),
    ownsLastEnded: true,
  };
  refresh(built, visits, Object.keys(visits));
  return built;
}

/** The index of a day's state: remembered, else built once from every visit. */
export function indexOf(state: DayState): DayIndex {
  let index = known.get(state.visits);
  if (!index) known.set(state.visits, (index = build(state.visits)));
  return index;
}

function copyOf(base: MutableIndex): MutableIndex {
  return {
    live: new Map(base.live),
    ready: new Map(base.ready),
    readyKeys: new Map(base.readyKeys),
    grouped: new Set(base.grouped),
    holds: new Map(base.holds),
    heldCount: new Map(base.heldCount),
    offered: new Map(base.offered),
    offerCount: new Map(base.offerCount),
    lastEnded: base.lastEnded,
    ownsLastEnded: false,
  };
}

/**
 * A draft that took its base's records over (Q-FORECAST-2, see Draft) takes
 * the base's index over too, as it stands before the command: nobody reads
 * that state again.
 */
export function adoptIndex(draft: Draft): void {
  const index = known.get(draft.base.visits);
  known.delete(draft.base.visits);
  if (index) drafts.set(draft, index);
}

/** A command on a taken-over record failed and was undone: its index, changed in place, is dropped. */
export function forgetIndex(state: DayState): void {
  known.delete(state.visits);
}

/**
 * The index of the draft as it stands: its base's, copied once per command
 * (taken over whole when the draft took its base over), with the visits the
 * command changed since the last read re-read.
 */
export function indexOfDraft(draft: Draft): DayIndex {
  let index = drafts.get(draft);
  if (!index) {
    // A taken-over record may already hold the command's changes: the re-read below covers them.
    index = draft.ownsBase ? build(draft.visits) : copyOf(indexOf(draft.base) as MutableIndex);
    drafts.set(draft, index);
  }
  refresh(index, draft.visits, draft.touched);
  draft.touched.clear();
  return index;
}

/** Keeps the draft's final index for the next command, which starts from this state. */
export function rememberIndex(state: DayState, draft: Draft): void {
  known.set(state.visits, indexOfDraft(draft) as MutableIndex);
}

/**
 * The day reduced to its live visits that have a group step: the only ones a
 * session or a group call can involve (participants are called or in care,
 * candidates waiting). Read after every command, so from the index instead of
 * every visit of the day.
 */
export function withGroupSteps(state: DayState, index: DayIndex = indexOf(state)): DayState {
  const visits: Record<Id, Visit> = {};
  for (const id of index.grouped) visits[id] = state.visits[id] as Visit;
  return { ...state, visits };
}

/** Q-ACT-2: does this professional hold a consultant (called or in care)? */
export function holdsSomeone(index: DayIndex, professionalId: Id): boolean {
  return index.heldCount.has(professionalId);
}

/** The first live visit this professional holds (called or in care), if any. */
export function heldVisit(index: DayIndex, professionalId: Id): Visit | undefined {
  if (!holdsSomeone(index, professionalId)) return undefined;
  for (const visit of index.live.values()) {
    const active = activeStep(visit);
    if (active?.professionalId === professionalId || active?.session?.facilitatorIds.includes(professionalId))
      return visit;
  }
  return undefined;
}

/**
 * The ready steps of waiting visits not offered to anyone, by queue key, for
 * the wanted keys only; and whether any of them, wanted or not, is in a
 * served queue.
 */
export function openByQueue(
  index: DayIndex,
  wanted: ReadonlySet<string>,
  served: (queue: Candidate['queue'], key: string) => boolean,
): { open: Map<string, Candidate[]>; anyServed: boolean } {
  const open = new Map<string, Candidate[]>();
  let anyServed = false;
  for (const [id, candidates] of index.ready) {
    const keys = index.readyKeys.get(id) as readonly string[];
    for (let i = 0; i < candidates.length; i += 1) {
      const c = candidates[i] as Candidate;
      // Q-GROUP-1: a group step is called with its group, never offered one by one.
      if (c.visit.offer || c.step.group) continue;
      const key = keys[i] as string;
      anyServed ||= served(c.queue, key);
      if (!wanted.has(key)) continue;
      const list = open.get(key);
      if (list) list.push(c);
      else open.set(key, [c]);
    }
  }
  return { open, anyServed };
}
