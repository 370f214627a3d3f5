/**
 * A capacity lower bound on the mean journey of a simulated day (bench:day),
 * beside the zero-wait bound: no dispatcher can end more journeys by a time t
 * than the professionals of each category they all need could have finished
 * their steps by t (precedence enters through release dates). Relaxation: the category's professionals present at t work as one
 * machine that many times faster, preemptively, shortest remaining first,
 * which finishes the most steps by every t (so it bounds every real schedule).
 */
import type { Id, Millis, StepInstance, Visit } from '@gfa/shared';

const MINUTE = 60_000;

export interface CapacityInput {
  /** Arrived visits at the end of the day. */
  readonly visits: readonly Visit[];
  /** Each visit's own zero-wait bound (care, walks, away), in ms. */
  readonly boundMs: ReadonlyMap<Id, number>;
  /** The category of a done step (by who did it), or null. */
  readonly categoryOf: (visit: Visit, step: StepInstance) => Id | null;
  /** How many professionals of the category are present at t. */
  readonly presentAt: (categoryId: Id, t: Millis) => number;
}

interface Job {
  readonly release: Millis;
  remaining: number;
}

const careMs = (s: StepInstance): number => (s.endedAt ?? 0) - (s.calledAt ?? 0);

/** The earliest a step could start: arrival plus the care of the steps it must come after. */
function releaseOf(visit: Visit, step: StepInstance): Millis {
  const byKey = new Map(visit.steps.map((s) => [s.key, s]));
  const before = (s: StepInstance): number =>
    Math.max(
      0,
      ...s.after.map((k) => byKey.get(k)).map((p) => (p?.status === 'done' ? careMs(p) + before(p) : 0)),
    );
  return (visit.arrivedAt ?? 0) + before(step);
}

/**
 * The relaxation's completion times, sorted, of one step of the category per
 * visit of the given set (a visit's journey ends after each of its steps, so
 * one per visit keeps the bound valid; fewer steps only lower it).
 */
function completions(input: CapacityInput, visits: readonly Visit[], categoryId: Id): Millis[] {
  const jobs: Job[] = [];
  for (const visit of visits) {
    const step = visit.steps.find((s) => s.status === 'done' && input.categoryOf(visit, s) === categoryId);
    if (step) jobs.push({ release: releaseOf(visit, step), remaining: careMs(step) });
  }
  jobs.sort((a, b) => a.release - b.release);
  const done: Millis[] = [];
  const ready: Job[] = [];
  let t = jobs[0]?.release ?? 0;
  // Someone did each of these steps, so the category is present again before then; a day is the safety net.
  const giveUp = t + 24 * 60 * MINUTE;
  let next = 0;
  while ((next < jobs.length || ready.length > 0) && t < giveUp) {
    while (next < jobs.length && (jobs[next] as Job).release <= t) ready.push(jobs[next++] as Job);
    if (ready.length === 0) {
      t = (jobs[next] as Job).release;
      continue;
    }
    ready.sort((a, b) => a.remaining - b.remaining);
    const job = ready[0] as Job;
    const speed = input.presentAt(categoryId, t);
    // Work one minute at a time (or until the job ends or the next release).
    const horizon = Math.min(MINUTE, next < jobs.length ? (jobs[next] as Job).release - t : MINUTE);
    if (speed === 0) {
      t += horizon > 0 ? horizon : MINUTE;
      continue;
    }
    const dt = Math.max(1, Math.min(horizon > 0 ? horizon : MINUTE, job.remaining / speed));
    job.remaining -= dt * speed;
    t += dt;
    if (job.remaining <= 1e-6) {
      ready.shift();
      done.push(t);
    }
  }
  return done.sort((a, b) => a - b);
}

/** The categories of a visit's done steps, as a sorted key. */
function categoriesOf(input: CapacityInput, visit: Visit): Id[] {
  const ids = new Set<Id>();
  for (const s of visit.steps) {
    const c = s.status === 'done' ? input.categoryOf(visit, s) : null;
    if (c) ids.add(c);
  }
  return [...ids].sort();
}

/**
 * The summed journey ends of the visits needing every category of `needed`,
 * at least: the k-th earliest end is no earlier than the k-th earliest own
 * zero-wait end, nor than the relaxation's k-th completion in each needed
 * category (each of these visits has done a step of each), so the sum of the
 * k-wise maxima bounds every schedule. One category gives the classic
 * capacity bound; several catch consultants who wait for the doctor *and* the
 * lab when both are short at different hours.
 */
function jointEnds(input: CapacityInput, visits: readonly Visit[], needed: readonly Id[]): number {
  const own = visits
    .map((v) => (v.arrivedAt as number) + (input.boundMs.get(v.id) ?? 0))
    .sort((a, b) => a - b);
  const curves = needed.map((c) => completions(input, visits, c));
  return own.reduce((sum, end, k) => sum + Math.max(end, ...curves.map((done) => done[k] ?? end)), 0);
}

/**
 * Mean journey lower bound in minutes. For every set of categories some
 * visit needs (each single category, and each visit's whole set), the visits
 * needing all of them end no earlier than jointEnds says and the others no
 * earlier than their own zero-wait end; the best of these valid bounds is kept.
 */
export function capacityBound(input: CapacityInput, categoryIds: readonly Id[]): number {
  const visits = input.visits.filter((v) => v.arrivedAt !== null);
  if (visits.length === 0) return 0;
  const own = (v: Visit): number => input.boundMs.get(v.id) ?? 0;
  const zeroWait = visits.reduce((sum, v) => sum + own(v), 0);
  const sets = new Map<string, Id[]>(categoryIds.map((c) => [c, [c]]));
  for (const v of visits) {
    const set = categoriesOf(input, v).filter((c) => categoryIds.includes(c));
    if (set.length > 1) sets.set(set.join('|'), set);
  }
  let best = zeroWait;
  for (const needed of sets.values()) {
    const needing = visits.filter((v) => {
      const mine = categoriesOf(input, v);
      return needed.every((c) => mine.includes(c));
    });
    if (needing.length === 0) continue;
    const others = zeroWait - needing.reduce((sum, v) => sum + own(v), 0);
    const needingArrivals = needing.reduce((sum, v) => sum + (v.arrivedAt as number), 0);
    best = Math.max(best, jointEnds(input, needing, needed) - needingArrivals + others);
  }
  return best / visits.length / MINUTE;
}

/**
 * A reference, not a bound: the category's steps scheduled with hindsight
 * (every duration known) as if the consultants were always free for them —
 * each present professional takes, whenever free, the shortest step already
 * released, without preemption. Its completions (by visit) are what the
 * category's own throughput allows once nothing else (the other steps, the
 * walks) delays anyone; greedy shortest-first is not always optimal, hence
 * not a bound.
 */
function listCompletions(input: CapacityInput, categoryId: Id): Map<Id, Millis> {
  interface Care {
    readonly visitId: Id;
    readonly release: Millis;
    readonly duration: number;
  }
  const jobs: Care[] = [];
  for (const visit of input.visits) {
    for (const step of visit.steps)
      if (step.status === 'done' && input.categoryOf(visit, step) === categoryId)
        jobs.push({ visitId: visit.id, release: releaseOf(visit, step), duration: careMs(step) });
  }
  jobs.sort((a, b) => a.release - b.release);
  const done = new Map<Id, Millis>();
  let running: Millis[] = [];
  const ready: Care[] = [];
  let next = 0;
  let t = jobs[0]?.release ?? 0;
  const giveUp = t + 24 * 60 * MINUTE;
  while ((next < jobs.length || ready.length > 0) && t < giveUp) {
    while (next < jobs.length && (jobs[next] as Care).release <= t) ready.push(jobs[next++] as Care);
    running = running.filter((end) => end > t);
    ready.sort((a, b) => a.duration - b.duration);
    while (ready.length > 0 && running.length < input.presentAt(categoryId, t)) {
      const care = ready.shift() as Care;
      running.push(t + care.duration);
      done.set(care.visitId, Math.max(done.get(care.visitId) ?? 0, t + care.duration));
    }
    t += MINUTE;
  }
  return done;
}

/**
 * Mean journey in minutes of the hindsight reference: consultants needing the
 * same categories (the EPS of the morning wave, the named appointments of a
 * category…) end, the k-th of them, at the latest of the k-th earliest own
 * zero-wait end and the k-th earliest of their completions in each needed
 * category's list schedule, as if moving between queues cost nothing.
 */
export function hindsightReference(input: CapacityInput, categoryIds: readonly Id[]): number {
  const visits = input.visits.filter((v) => v.arrivedAt !== null);
  if (visits.length === 0) return 0;
  const own = (v: Visit): number => input.boundMs.get(v.id) ?? 0;
  const completions = new Map(categoryIds.map((c) => [c, listCompletions(input, c)]));
  const groups = new Map<string, { needed: Id[]; visits: Visit[] }>();
  for (const v of visits) {
    const needed = categoriesOf(input, v).filter((c) => categoryIds.includes(c));
    const group = groups.get(needed.join('|')) ?? { needed, visits: [] };
    group.visits.push(v);
    groups.set(needed.join('|'), group);
  }
  let summed = 0;
  for (const { needed, visits: group } of groups.values()) {
    const ownEnds = group.map((v) => (v.arrivedAt as number) + own(v)).sort((a, b) => a - b);
    const curves = needed.map((c) =>
      group.map((v) => completions.get(c)?.get(v.id) ?? 0).sort((a, b) => a - b),
    );
    const ends = ownEnds.reduce((sum, end, k) => sum + Math.max(end, ...curves.map((d) => d[k] ?? end)), 0);
    summed += ends - group.reduce((sum, v) => sum + (v.arrivedAt as number), 0);
  }
  return summed / visits.length / MINUTE;
}
