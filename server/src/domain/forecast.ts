/**
 * The forecast of the rest of the day (rules Q-FORECAST-*): the engine and
 * the dispatcher run forward from now with the learned care durations, and
 * what they do is read off: each visit's next care start and journey end,
 * each present professional's next consultant. Pure.
 */
import type {
  AwayReason,
  CentreConfig,
  Id,
  Millis,
  Professional,
  StepInstance,
  Visit,
  VisitAction,
} from '@gfa/shared';
import type { DayState, Dispatcher, EngineResult } from './types.js';

type Applied = Extract<EngineResult, { ok: true }>;
import { runForward, type Behaviour, type Scheduled } from './forward.js';
import { journeyAwareDispatcher } from './journey-dispatcher.js';
import { readySteps } from './steps.js';
import { queueServed, stepQueue } from './queues.js';
import { drawnLength, medianTime, SAMPLED_RUNS } from './care-draws.js';

/** Q-FORECAST-3: reception skips a step nobody can take today (Q-ROUTE-6), so the rest of the journey goes on. */
export function skipUnservedStep(visit: Visit, state: DayState, config: CentreConfig): VisitAction | null {
  const stuck = readySteps(visit).find((s) => !queueServed(stepQueue(s, visit), config, state.desks));
  return stuck ? { type: 'skip_step', stepId: stuck.id, reason: 'personne aujourd’hui' } : null;
}

/** Care durations learned from the journal (outside the engine), in minutes. */
export interface DurationModel {
  /** Keyed by `durationKey(reason, step key, category)`; a missing key uses the step's own estimate. */
  readonly care: Readonly<Record<string, number>>;
  /** The walk from the waiting room to the professional's room. */
  readonly walkMinutes: number;
  /** How long each kind of away lasts. */
  readonly awayMinutes: Readonly<Partial<Record<AwayReason, number>>>;
  /**
   * Q-FORECAST-6: by step key, the away most consultants take after that
   * step (the collation after the blood test), when most do.
   */
  readonly awayAfter?: Readonly<Record<string, { reason: AwayReason; minutes: number }>>;
  /**
   * Q-FORECAST-7: how cares spread around their learned duration — the
   * quantiles, in increasing order, of each finished care's length divided
   * by the learned duration of its step and category.
   */
  readonly spread?: readonly number[];
  /**
   * Q-FORECAST-8: how convened consultants arrive — the typical minutes from
   * the appointment to the check-in (negative: early) and the lateness after
   * which one not yet arrived is no longer expected.
   */
  readonly arrival?: { readonly lateMinutes: number; readonly giveUpMinutes: number };
}

export const NO_HISTORY: DurationModel = { care: {}, walkMinutes: 1, awayMinutes: {} };
const DEFAULT_AWAY_MINUTES = 15;
/** Expected consultants still due are counted as arriving; those later than this are not. */
const LATE_GRACE_MINUTES = 30;
/** The forecast looks no further than this after now. */
const HORIZON_MINUTES = 12 * 60;
const MINUTE = 60_000;
/** Q-FORECAST-9: the sampled runs serve the next cares the usual run starts within this long. */
const SAMPLED_WITHIN = 60 * MINUTE;

/**
 * Q-FORECAST-4: a duration is learned per step of a reason's journey and per category. Step keys
 * are shared between journeys (the catalogue's « entretien » is a 30-minute tabac consultation
 * and a 45-minute EIP), so the reason is part of the key.
 */
export function durationKey(reasonId: Id, stepKey: string, categoryId: Id): string {
  return `${reasonId}|${stepKey}|${categoryId}`;
}

/** The category whose duration applies: the step's category queue, else the professional's first. */
export function stepCategory(step: StepInstance, visit: Visit, professional: Professional | null): Id | null {
  const queue = stepQueue(step, visit);
  if (queue.kind === 'category') return queue.categoryId;
  return professional?.categoryIds[0] ?? null;
}

export interface VisitForecast {
  /** When the next care is expected to start (null: none before the horizon). */
  readonly nextCareAt: Millis | null;
  /** When the journey is expected to end (null: not before the horizon). */
  readonly journeyEndAt: Millis | null;
  /** The category where this consultant is expected to wait longest from now (the likely bottleneck). */
  readonly bottleneckCategoryId: Id | null;
}

export interface CategoryForecast {
  /** Mean minutes the consultants called from now on are expected to have waited. */
  readonly meanWaitMinutes: number;
  readonly calls: number;
}

export interface ProfessionalForecast {
  /** When the professional is expected to call their next consultant (null: nobody before the horizon). */
  readonly nextConsultantAt: Millis | null;
}

export interface Forecast {
  readonly at: Millis;
  readonly visits: Readonly<Record<Id, VisitForecast>>;
  readonly professionals: Readonly<Record<Id, ProfessionalForecast>>;
  /** Q-FORECAST-5: per category, the waits expected from now on. */
  readonly categories: Readonly<Record<Id, CategoryForecast>>;
}

const IN_BUILDING: readonly Visit['state'][] = ['arrived', 'waiting', 'called', 'in_care', 'away'];

/**
 * Q-FORECAST-7: a care in progress that has already lasted `elapsed` minutes
 * is expected to last as long as the cares that lasted at least that long
 * did, on average (the spread's quantiles scaled to this care); without a
 * spread, or once past them all, the usual length (it ends now at the latest).
 */
export function expectedLength(usual: number, elapsed: number, spread: readonly number[] = []): number {
  if (elapsed <= 0) return usual;
  const longer = spread.map((r) => r * usual).filter((m) => m > elapsed);
  if (longer.length === 0) return usual;
  return longer.reduce((a, b) => a + b, 0) / longer.length;
}

/**
 * Q-FORECAST-3: durations come from the model, else the step's estimate;
 * in a sampled run (Q-FORECAST-9, run > 0) each care's is drawn from the spread.
 */
function expectedBehaviour(
  durations: DurationModel,
  config: CentreConfig,
  now: Millis,
  run: number,
): Behaviour {
  // Q-FORECAST-3: nothing is added; Q-FORECAST-6: the usual away after a step is taken.
  return {
    walkMinutes: () => durations.walkMinutes,
    careMinutes: (visit, step, professional) => {
      const category = stepCategory(step, visit, professional);
      const usual =
        (category && durations.care[durationKey(visit.reasonId, step.key, category)]) ||
        step.estimatedMinutes;
      // Q-FORECAST-7: only a care already running at the forecast's time has lasted anything yet.
      const elapsed = step.startedAt !== null && step.startedAt < now ? (now - step.startedAt) / MINUTE : 0;
      if (run === 0 || !durations.spread) return expectedLength(usual, elapsed, durations.spread);
      return drawnLength(usual, elapsed, durations.spread, run, visit.id, step.id);
    },
    addedSteps: () => [],
    awayAfter: (_visit, step) => durations.awayAfter?.[step.key] ?? null,
    awayMinutes: (visit) => durations.awayMinutes[visit.away?.reason ?? 'attente'] ?? DEFAULT_AWAY_MINUTES,
    atReception: (visit, state) => skipUnservedStep(visit, state, config),
  };
}

interface Run {
  readonly nextCareAt: ReadonlyMap<Id, Millis>;
  readonly journeyEndAt: ReadonlyMap<Id, Millis>;
}

/**
 * Q-FORECAST-1: forecast(state, config, now, durations) — the expected
 * consultants still due arrive at their appointment time, present
 * professionals stay as they are, and the dispatcher decides as it will.
 * Q-FORECAST-9: with a learned spread, each visit's times are the medians
 * over the run with usual lengths and the sampled runs.
 */
export function forecast(
  state: DayState,
  config: CentreConfig,
  now: Millis,
  durations: DurationModel,
  dispatcher: Dispatcher = journeyAwareDispatcher,
): Forecast {
  // Q-FORECAST-8: arrivals as learned, else on time and expected until 30 min late.
  const late = (durations.arrival?.lateMinutes ?? 0) * MINUTE;
  const giveUp = (durations.arrival?.giveUpMinutes ?? LATE_GRACE_MINUTES) * MINUTE;
  const scheduled: Scheduled[] = Object.values(state.visits)
    .filter((v) => v.state === 'expected' && (v.appointmentAt ?? 0) >= now - giveUp)
    .map((v) => ({
      at: Math.max(now, (v.appointmentAt ?? now) + late),
      command: { type: 'check_in', visitId: v.id },
      actor: { ref: { kind: 'system', id: 'forecast' }, roles: [], professionalId: null },
    }));
  const inBuilding = Object.values(state.visits).filter((v) => IN_BUILDING.includes(v.state));
  const nextConsultantAt = new Map<Id, Millis>();
  const waits = new Map<Id, number[]>();
  const longest = new Map<Id, { categoryId: Id; minutes: number }>();
  const forward = (
    run: number,
    awaited: Iterable<Id>,
    observe?: (result: Applied, at: Millis) => void,
  ): Run => {
    const nextCareAt = new Map<Id, Millis>();
    const journeyEndAt = new Map<Id, Millis>();
    // A sampled run serves the next cares of the visits in the building: it stops once each has its own.
    const pending = new Set(awaited);
    let seq = 0;
    runForward({
      state,
      now,
      config: { ...config, policy: { ...config.policy, autoAssign: true } },
      dispatcher,
      behaviour: expectedBehaviour(durations, config, now, run),
      newId: () => `forecast-${(seq += 1)}`,
      scheduled,
      until: now + HORIZON_MINUTES * MINUTE,
      ...(run > 0 && { stopWhen: () => pending.size === 0 }),
      observe: (result, at) => {
        for (const e of result.events) {
          if (!e.visitId) continue;
          if (e.type === 'visit.care_started' && !nextCareAt.has(e.visitId)) nextCareAt.set(e.visitId, at);
          if (e.type === 'visit.done') journeyEndAt.set(e.visitId, at);
          if (e.type === 'visit.care_started' || e.type === 'visit.done') pending.delete(e.visitId);
        }
        observe?.(result, at);
      },
    });
    return { nextCareAt, journeyEndAt };
  };
  const usual = forward(0, [], (result, at) => {
    for (const e of result.events) {
      if (e.type !== 'visit.called' || !e.professionalId || !e.visitId) continue;
      if (!nextConsultantAt.has(e.professionalId)) nextConsultantAt.set(e.professionalId, at);
      const visit = result.state.visits[e.visitId];
      const step = visit?.steps.find((s) => s.id === e.stepId);
      const professional = config.professionals.find((p) => p.id === e.professionalId) ?? null;
      const categoryId = visit && step ? stepCategory(step, visit, professional) : null;
      if (!visit || !categoryId) continue;
      const minutes = (at - (visit.readySince ?? at)) / MINUTE;
      waits.set(categoryId, [...(waits.get(categoryId) ?? []), minutes]);
      if (minutes > (longest.get(visit.id)?.minutes ?? 0)) longest.set(visit.id, { categoryId, minutes });
    }
  });
  const runs = [usual];
  // Those with no next care in the run with usual lengths (nobody for them today) are not awaited, nor
  // those whose next care is far off (a group session or a named appointment later in the day): the
  // sampled runs would play the whole morning again for them.
  const awaited = new Set(
    inBuilding
      .filter((v) => (usual.nextCareAt.get(v.id) ?? Number.POSITIVE_INFINITY) <= now + SAMPLED_WITHIN)
      .map((v) => v.id),
  );
  if (durations.spread && awaited.size > 0)
    for (let run = 1; run <= SAMPLED_RUNS; run += 1) runs.push(forward(run, awaited));
  const visits: Record<Id, VisitForecast> = {};
  for (const visit of inBuilding) {
    visits[visit.id] = {
      nextCareAt: awaited.has(visit.id)
        ? medianTime(runs.map((r) => r.nextCareAt.get(visit.id) ?? null))
        : (usual.nextCareAt.get(visit.id) ?? null),
      // The sampled runs stop before most journeys end: the run with usual lengths says when.
      journeyEndAt: usual.journeyEndAt.get(visit.id) ?? null,
      bottleneckCategoryId: longest.get(visit.id)?.categoryId ?? null,
    };
  }
  const professionals: Record<Id, ProfessionalForecast> = {};
  for (const desk of Object.values(state.desks)) {
    if (desk.state === 'offline') continue;
    professionals[desk.professionalId] = {
      nextConsultantAt: nextConsultantAt.get(desk.professionalId) ?? null,
    };
  }
  const categories: Record<Id, CategoryForecast> = {};
  for (const [categoryId, list] of waits) {
    categories[categoryId] = {
      meanWaitMinutes: list.reduce((a, b) => a + b, 0) / list.length,
      calls: list.length,
    };
  }
  return { at: now, visits, professionals, categories };
}
