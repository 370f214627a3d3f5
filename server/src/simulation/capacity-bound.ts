/**
 * A capacity lower bound on the mean journey of a simulated day (bench:day),
 * beside the zero-wait bound: no dispatcher can end more journeys by a time t
 * than the professionals of any one category could have finished their steps
 * by t. Relaxation: the category's professionals present at t work as one
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
 * visit needing it (a visit's journey ends after each of its steps, so one
 * per visit keeps the bound valid; fewer steps only lower it).
 */
function completions(input: CapacityInput, categoryId: Id): Millis[] {
  const jobs: Job[] = [];
  for (const visit of input.visits) {
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

/**
 * Mean journey lower bound in minutes, for one category: a visit needing it
 * ends no earlier than its own zero-wait end (arrival + bound) nor than the
 * step of the category it gets. Any real schedule's k-th earliest completion
 * is no earlier than the relaxation's k-th, and pairing sorted own ends with
 * sorted completions minimises the sum of their maxima, so the sum below
 * bounds every dispatcher's summed journeys. The best of the categories is kept.
 */
export function capacityBound(input: CapacityInput, categoryIds: readonly Id[]): number {
  const visits = input.visits.filter((v) => v.arrivedAt !== null);
  if (visits.length === 0) return 0;
  const own = (v: Visit): number => input.boundMs.get(v.id) ?? 0;
  const zeroWait = visits.reduce((sum, v) => sum + own(v), 0);
  let best = zeroWait;
  for (const categoryId of categoryIds) {
    const done = completions(input, categoryId);
    const needing = visits.filter((v) =>
      v.steps.some((s) => s.status === 'done' && input.categoryOf(v, s) === categoryId),
    );
    const ends = needing.map((v) => (v.arrivedAt as number) + own(v)).sort((a, b) => a - b);
    const paired = ends.reduce((sum, end, k) => sum + Math.max(end, done[k] ?? end), 0);
    const others = zeroWait - needing.reduce((sum, v) => sum + own(v), 0);
    const summed = paired - needing.reduce((sum, v) => sum + (v.arrivedAt as number), 0) + others;
    best = Math.max(best, summed);
  }
  return best / visits.length / MINUTE;
}
