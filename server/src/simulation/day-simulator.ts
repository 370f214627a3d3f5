/**
 * One simulated CES day in virtual time (npm run bench:day): the real engine
 * driven through the shared forward loop, with seeded lateness, no-shows,
 * care durations around the estimates, steps added by doctors and
 * collations. Optionally forecasts at the start of every wait and records
 * what really happened, to measure the forecast.
 */
import type { AwayReason, DomainEvent, Id, Millis, StepInstance, Visit } from '@gfa/shared';
import {
  emptyDay,
  forecast,
  professionalActor,
  readySteps,
  runForward,
  groupSessions,
  skipUnservedStep,
  stepCategory,
  type apply,
  type Behaviour,
  type DayState,
  type EngineCommand,
  type Dispatcher,
  type DurationModel,
  type Forecast,
  type Scheduled,
} from '../domain/index.js';
import { capacityBound, hindsightReference, type CapacityInput } from './capacity-bound.js';
import { keyedRandom, normal, type KeyedRandom } from './keyed-random.js';
import { atMinutes, type Scenario } from './scenarios.js';

const MINUTE = 60_000;
const NO_SHOW_RATE = 0.07;
const SYSTEM = {
  ref: { kind: 'system', id: 'simulateur' },
  roles: ['supervisor'],
  professionalId: null,
} as const;

/** Steps doctors add during an EPS, with their likelihood (CCTP: « diét, psy, dentiste »). */
const ADDED: [categoryId: Id, label: string, minutes: number, probability: number][] = [
  ['dieteticien', 'Consultation diététique', 30, 0.12],
  ['psychologue', 'Entretien psychologique', 30, 0.06],
  ['dentiste', 'Examen dentaire', 15, 0.1],
];

export interface VisitOutcome {
  readonly visitId: Id;
  readonly reasonId: Id;
  readonly arrivedAt: Millis;
  /** Null when the journey did not end (it must, see the simulator's test). */
  readonly endedAt: Millis | null;
  /** The zero-wait bound: own care, walks and time away. */
  readonly boundMs: number;
  readonly waitMs: number;
}

export interface WaitSample {
  readonly categoryId: Id;
  readonly minutes: number;
  readonly reasonId: Id;
  /** 1 for the wait before the journey's first care, 2 before the second… */
  readonly position: number;
}

/** How many consultants wait in each category's queue at a time of the day (the morning wave). */
export interface QueueSample {
  readonly at: Millis;
  readonly waiting: ReadonlyMap<Id, number>;
}

const QUEUE_SAMPLE_MINUTES = 30;

export interface ProfessionalOutcome {
  readonly professionalId: Id;
  readonly categoryId: Id;
  readonly busyMs: number;
  readonly presentMs: number;
  /** The hours of presence, « 7:30–12:30 » (« –fin »: until the last consultant). */
  readonly shift: string;
}

/** What the forecast said at the start of a wait, and what happened. */
export interface ForecastSample {
  /** When the forecast was made (the start of the wait). */
  readonly at: Millis;
  readonly predictedStart: Millis | null;
  readonly actualStart: Millis | null;
  readonly predictedEnd: Millis | null;
  readonly actualEnd: Millis | null;
  /** The category of the care that really came next (null: none). */
  readonly categoryId: Id | null;
  /** What began the wait: the check-in, the end of a care, the return from an away. */
  readonly after: 'check_in' | 'care' | 'away';
}

/**
 * The day's sources of chance, each of which a simulation may switch off to
 * measure what it costs the forecast (forecast-accuracy.ts): care and walk
 * durations (then the estimate and 2 min), steps added by doctors, aways (then
 * every blood test is followed by a 15-min collation), lateness and no-shows.
 */
export type Noise = 'durations' | 'added' | 'aways' | 'arrivals';

/** A finished care, as the journal records it (the duration learner's CareDuration). */
export interface CareSample {
  readonly reasonId: Id;
  readonly stepKey: string;
  readonly categoryId: Id;
  readonly minutes: number;
  readonly walkMinutes: number;
  /** The away taken right after this care, or null; absent when the journey ended with this care. */
  readonly awayAfter?: { readonly reason: AwayReason; readonly minutes: number } | null;
}

export interface DayOutcome {
  readonly visits: VisitOutcome[];
  readonly waits: WaitSample[];
  readonly professionals: ProfessionalOutcome[];
  readonly forecasts: ForecastSample[];
  /** Milliseconds each forecast took (wall clock of the bench, not of the engine). */
  readonly forecastMs: number[];
  readonly cares: CareSample[];
  /** Minutes from the appointment to the check-in of each convened consultant who came (negative: early). */
  readonly lateness: number[];
  /** Queue lengths every half hour while anyone waits. */
  readonly queues: QueueSample[];
  readonly closesAt: Millis;
  /** The state when the simulation stopped. */
  readonly state: DayState;
  /** Capacity lower bound on the mean journey of the day, in minutes (capacity-bound.ts). */
  readonly capacityBoundMinutes: number;
  /** The hindsight reference (not a bound): each category's throughput alone, moving between queues free. */
  readonly hindsightMinutes: number;
  /** Most consultants one professional held at once (called or in care): must be 1. */
  readonly maxHeld: number;
}

export interface SimulationOptions {
  readonly dispatcher: Dispatcher;
  readonly seed: number;
  /** When given, the forecast runs at the start of every wait with these durations. */
  readonly durations?: DurationModel;
  /** Forecast at one wait start in this many (forecasts are the costly part). */
  readonly sampleEvery?: number;
  /** The bench's clock for timing forecasts (the engine never reads one). */
  readonly clock?: () => number;
  /** Stop the day at this time (to take its state). */
  readonly stopAt?: Millis;
  /** The engine's entry point (npm run bench:engine times it). */
  readonly apply?: typeof apply;
  /** False: every state stays intact, as the server's commands find them (see ForwardRun.handOver). */
  readonly handOver?: boolean;
  /** Sources of chance switched off (all on by default). */
  readonly calm?: ReadonlySet<Noise>;
}

const NO_CALM: ReadonlySet<Noise> = new Set();

function behaviourOf(random: KeyedRandom, scenario: Scenario, calm: ReadonlySet<Noise>): Behaviour {
  return {
    walkMinutes: (visit, step) =>
      calm.has('durations') ? 2 : 1 + 2 * random(`walk:${visit.id}:${step.key}`),
    careMinutes: (visit, step) => {
      if (calm.has('durations')) return step.estimatedMinutes;
      const factor = Math.min(
        2,
        Math.max(0.5, Math.exp(0.25 * normal(random, `care:${visit.id}:${step.key}`))),
      );
      return Math.max(2, step.estimatedMinutes * factor);
    },
    addedSteps: (visit, step) =>
      step.key === 'medecin' && !step.added && !calm.has('added')
        ? ADDED.filter(([categoryId, , , p]) => random(`added:${visit.id}:${categoryId}`) < p).map(
            ([categoryId, label, estimatedMinutes]) => ({
              label,
              target: { kind: 'category', categoryId },
              estimatedMinutes,
            }),
          )
        : [],
    awayAfter: (visit, step) =>
      goesToCollation(random, visit, step, calm)
        ? { reason: 'collation', minutes: calm.has('aways') ? 15 : 10 + 10 * random(`collation:${visit.id}`) }
        : null,
    awayMinutes: () => 15,
    atReception: (visit, state) => skipUnservedStep(visit, state, scenario.config),
  };
}

/** After the blood test most fasting consultants take the collation (Q-ACT-6). */
function goesToCollation(
  random: KeyedRandom,
  visit: Visit,
  step: StepInstance,
  calm: ReadonlySet<Noise>,
): boolean {
  return step.key === 'preleveur' && (calm.has('aways') || random(`collation?:${visit.id}`) < 0.7);
}

function scheduleOf(scenario: Scenario, random: KeyedRandom, calm: ReadonlySet<Noise>): Scheduled[] {
  const { day } = scenario;
  const scheduled: Scheduled[] = [];
  for (const shift of scenario.shifts) {
    const actor = professionalActor(shift.professionalId);
    const presence = (state: 'available' | 'offline') =>
      ({ type: 'desk', professionalId: shift.professionalId, action: { type: 'presence', state } }) as const;
    scheduled.push({ at: atMinutes(day, shift.from), command: presence('available'), actor });
    if (shift.to !== null)
      scheduled.push({ at: atMinutes(day, shift.to), command: presence('offline'), actor });
  }
  const opens = atMinutes(day, 7 * 60 + 30);
  for (const appointment of scenario.appointments(random)) {
    scheduled.push({ at: atMinutes(day, 7 * 60), command: { type: 'expect', appointment }, actor: SYSTEM });
    if (!calm.has('arrivals') && random(`no-show:${appointment.id}`) < NO_SHOW_RATE) continue;
    const lateness = calm.has('arrivals') ? 0 : (normal(random, `late:${appointment.id}`) * 8 - 2) * MINUTE;
    const at = Math.max(opens, Math.round(appointment.at + lateness));
    const checkIn = (state: DayState): EngineCommand | null => {
      const visit = Object.values(state.visits).find((v) => v.appointmentId === appointment.id);
      return visit ? { type: 'check_in', visitId: visit.id } : null;
    };
    scheduled.push({ at, command: checkIn, actor: SYSTEM });
  }
  return scheduled.sort((a, b) => a.at - b.at);
}

export function simulateDay(scenario: Scenario, options: SimulationOptions): DayOutcome {
  const random = keyedRandom(options.seed);
  const calm = options.calm ?? NO_CALM;
  const behaviour = behaviourOf(random, scenario, calm);
  const closesAt = atMinutes(scenario.day, scenario.closes);
  const awayMs = new Map<Id, number>();
  /** The away taken right after a care, by `visit|step`. */
  const awayAfter = new Map<string, { reason: AwayReason; minutes: number }>();
  const awayFrom = new Map<Id, { key: string; reason: AwayReason }>();
  const waits: WaitSample[] = [];
  const pending = new Map<Id, { at: Millis; forecast: Forecast; after: ForecastSample['after'] }>();
  const forecasts: ForecastSample[] = [];
  const forecastMs: number[] = [];
  const queues: QueueSample[] = [];
  let nextQueueSample = atMinutes(scenario.day, 8 * 60);
  let maxHeld = 0;
  let waitStarts = 0;
  const sampleEvery = options.sampleEvery ?? 1;
  let ids = 0;
  const newId = (): Id => `sim-${(ids += 1)}`;

  const final = runForward({
    state: emptyDay(scenario.day),
    now: atMinutes(scenario.day, 7 * 60),
    config: scenario.config,
    dispatcher: options.dispatcher,
    behaviour,
    newId,
    scheduled: scheduleOf(scenario, random, calm),
    ...(options.apply ? { apply: options.apply } : {}),
    ...(options.handOver === false ? { handOver: false } : {}),
    until: options.stopAt ?? closesAt + 8 * 60 * MINUTE,
    observe: (result, at) => {
      for (const e of result.events) {
        const visit = e.visitId ? result.state.visits[e.visitId] : undefined;
        if (!visit) continue;
        if (e.type === 'visit.called') {
          const step = visit.steps.find((s) => s.id === e.stepId);
          const professional = scenario.config.professionals.find((p) => p.id === e.professionalId) ?? null;
          const categoryId = step ? stepCategory(step, visit, professional) : null;
          const position = visit.steps.filter((s) => s.status === 'done').length + 1;
          if (categoryId)
            waits.push({
              categoryId,
              minutes: (at - (visit.readySince ?? at)) / MINUTE,
              reasonId: visit.reasonId,
              position,
            });
        }
        if (e.type === 'visit.away' && visit.away) {
          const last = lastDone(visit);
          if (last) awayFrom.set(visit.id, { key: `${visit.id}|${last.id}`, reason: visit.away.reason });
        }
        if (e.type === 'visit.back') {
          awayMs.set(visit.id, (awayMs.get(visit.id) ?? 0) + Number(e.data.awayMs));
          const from = awayFrom.get(visit.id);
          if (from) awayAfter.set(from.key, { reason: from.reason, minutes: Number(e.data.awayMs) / MINUTE });
          awayFrom.delete(visit.id);
        }
      }
      if (result.events.some((e) => e.type === 'visit.called')) {
        maxHeld = Math.max(maxHeld, heldMost(Object.values(result.state.visits)));
      }
      if (at >= nextQueueSample) {
        queues.push({ at: nextQueueSample, waiting: queueLengths(result.state) });
        while (nextQueueSample <= at) nextQueueSample += QUEUE_SAMPLE_MINUTES * MINUTE;
      }
      if (options.durations) measure(result, at);
    },
  });

  function measure(result: { state: DayState; events: readonly DomainEvent[] }, at: Millis): void {
    const starting = result.events.flatMap((e): { id: Id; after: ForecastSample['after'] }[] => {
      const visit = e.visitId ? result.state.visits[e.visitId] : undefined;
      if (!visit || visit.state !== 'waiting') return [];
      if (e.type === 'visit.checked_in') return [{ id: visit.id, after: 'check_in' }];
      if (e.type === 'visit.back') return [{ id: visit.id, after: 'away' }];
      if (e.type === 'visit.care_finished') {
        const step = visit.steps.find((s) => s.id === e.stepId);
        return step && goesToCollation(random, visit, step, calm) ? [] : [{ id: visit.id, after: 'care' }];
      }
      return [];
    });
    waitStarts += starting.length;
    if (starting.length === 0 || !options.durations) return;
    if (Math.floor((waitStarts - starting.length) / sampleEvery) === Math.floor(waitStarts / sampleEvery))
      return;
    const t0 = options.clock?.() ?? 0;
    const f = forecast(result.state, scenario.config, at, options.durations, options.dispatcher);
    forecastMs.push((options.clock?.() ?? 0) - t0);
    for (const { id, after } of starting) pending.set(`${id}@${at}`, { at, forecast: f, after });
  }

  for (const [key, { at, forecast: f, after }] of pending) {
    const visitId = key.slice(0, key.lastIndexOf('@'));
    const visit = final.visits[visitId];
    const predicted = f.visits[visitId];
    if (!visit || !predicted) continue;
    const next = visit.steps
      .filter((s) => s.startedAt !== null && s.startedAt >= at)
      .sort((a, b) => (a.startedAt as number) - (b.startedAt as number))[0];
    const professional = scenario.config.professionals.find((p) => p.id === next?.professionalId) ?? null;
    forecasts.push({
      at,
      predictedStart: predicted.nextCareAt,
      actualStart: next?.startedAt ?? null,
      predictedEnd: predicted.journeyEndAt,
      actualEnd: visit.state === 'done' ? visit.endedAt : null,
      categoryId: next ? stepCategory(next, visit, professional) : null,
      after,
    });
  }
  const visits = visitOutcomes(final.visits, awayMs);
  const capacity = capacityInput(scenario, final, visits);
  const categoryIds = scenario.config.categories.map((c) => c.id);
  return {
    visits,
    capacityBoundMinutes: capacityBound(capacity, categoryIds),
    hindsightMinutes: hindsightReference(capacity, categoryIds),
    waits,
    professionals: professionalOutcomes(scenario, final.visits, closesAt),
    forecasts,
    forecastMs,
    cares: careSamples(scenario, final.visits, awayAfter),
    lateness: Object.values(final.visits).flatMap((v) =>
      v.appointmentAt !== null && v.arrivedAt !== null ? [(v.arrivedAt - v.appointmentAt) / MINUTE] : [],
    ),
    queues,
    closesAt,
    state: final,
    maxHeld,
  };
}

/** Waiting consultants per category of their ready steps (one consultant counts in each of his queues). */
function queueLengths(state: DayState): Map<Id, number> {
  const waiting = new Map<Id, number>();
  for (const visit of Object.values(state.visits)) {
    if (visit.state !== 'waiting') continue;
    for (const step of readySteps(visit)) {
      const categoryId = step.target.kind === 'category' ? step.target.categoryId : 'nominatif';
      waiting.set(categoryId, (waiting.get(categoryId) ?? 0) + 1);
    }
  }
  return waiting;
}

function heldMost(visits: readonly Visit[]): number {
  const held = new Map<Id, number>();
  for (const v of visits) {
    for (const s of v.steps) {
      if ((s.status === 'called' || s.status === 'in_care') && s.professionalId)
        held.set(s.professionalId, (held.get(s.professionalId) ?? 0) + 1);
    }
  }
  // A group session is one thing held, whatever its number of participants (Q-GROUP-*).
  for (const session of groupSessions({ visits: Object.fromEntries(visits.map((v) => [v.id, v])) }))
    for (const id of session.facilitatorIds)
      held.set(id, (held.get(id) ?? 0) - session.participants.length + 1);
  return Math.max(0, ...held.values());
}

function visitOutcomes(visits: Readonly<Record<Id, Visit>>, awayMs: Map<Id, number>): VisitOutcome[] {
  return Object.values(visits)
    .filter((v) => v.arrivedAt !== null)
    .map((v) => {
      const done = v.steps.filter((s) => s.status === 'done');
      const careMs = done.reduce((sum, s) => sum + ((s.endedAt ?? 0) - (s.calledAt ?? 0)), 0);
      const bound = careMs + (awayMs.get(v.id) ?? 0);
      const journey = (v.endedAt ?? 0) - (v.arrivedAt ?? 0);
      return {
        visitId: v.id,
        reasonId: v.reasonId,
        arrivedAt: v.arrivedAt as number,
        endedAt: v.state === 'done' ? v.endedAt : null,
        boundMs: bound,
        waitMs: Math.max(0, journey - bound),
      };
    });
}

function professionalOutcomes(
  scenario: Scenario,
  visits: Readonly<Record<Id, Visit>>,
  closesAt: Millis,
): ProfessionalOutcome[] {
  const steps = Object.values(visits).flatMap((v) => v.steps);
  return scenario.shifts.map((shift) => {
    const id = shift.professionalId;
    // A group session's time counts once for each facilitator, not once per participant.
    const sessions = new Set<Id>();
    const mine = steps.filter((s) => {
      if (s.endedAt === null || (s.professionalId !== id && !s.session?.facilitatorIds.includes(id)))
        return false;
      if (!s.session) return true;
      if (sessions.has(s.session.id)) return false;
      sessions.add(s.session.id);
      return true;
    });
    const busyMs = mine.reduce((sum, s) => sum + ((s.endedAt ?? 0) - (s.calledAt ?? 0)), 0);
    const lastEnd = Math.max(closesAt, ...mine.map((s) => s.endedAt ?? 0));
    const to = shift.to === null ? lastEnd : atMinutes(scenario.day, shift.to);
    const professional = scenario.config.professionals.find((p) => p.id === shift.professionalId);
    return {
      professionalId: shift.professionalId,
      categoryId: professional?.categoryIds[0] ?? '',
      busyMs,
      presentMs: to - atMinutes(scenario.day, shift.from),
      shift: `${clock(shift.from)}–${shift.to === null ? 'fin' : clock(shift.to)}`,
    };
  });
}

const clock = (minutes: number): string =>
  `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;

function careSamples(
  scenario: Scenario,
  visits: Readonly<Record<Id, Visit>>,
  awayAfter: ReadonlyMap<string, { reason: AwayReason; minutes: number }>,
): CareSample[] {
  return Object.values(visits).flatMap((v) =>
    v.steps.flatMap((s) => {
      if (s.status !== 'done' || s.startedAt === null || s.endedAt === null) return [];
      const professional = scenario.config.professionals.find((p) => p.id === s.professionalId) ?? null;
      const categoryId = stepCategory(s, v, professional);
      if (!categoryId) return [];
      return [
        {
          reasonId: v.reasonId,
          stepKey: s.key,
          categoryId,
          minutes: (s.endedAt - s.startedAt) / MINUTE,
          walkMinutes: (s.startedAt - (s.calledAt ?? s.startedAt)) / MINUTE,
          ...(v.state !== 'done' || s.endedAt < (v.endedAt ?? 0)
            ? { awayAfter: awayAfter.get(`${v.id}|${s.id}`) ?? null }
            : {}),
        },
      ];
    }),
  );
}

function capacityInput(scenario: Scenario, final: DayState, visits: readonly VisitOutcome[]): CapacityInput {
  const categoryOfProfessional = new Map(scenario.config.professionals.map((p) => [p.id, p.categoryIds[0]]));
  const shifts = scenario.shifts.map((s) => ({
    categoryId: categoryOfProfessional.get(s.professionalId),
    from: atMinutes(scenario.day, s.from),
    to: s.to === null ? Number.POSITIVE_INFINITY : atMinutes(scenario.day, s.to),
  }));
  return {
    visits: Object.values(final.visits).filter((v) => v.arrivedAt !== null),
    boundMs: new Map(visits.map((v) => [v.visitId, v.boundMs])),
    categoryOf: (_visit, step) =>
      (step.professionalId && categoryOfProfessional.get(step.professionalId)) || null,
    presentAt: (categoryId, t) =>
      shifts.filter((s) => s.categoryId === categoryId && s.from <= t && t < s.to).length,
  };
}

/** The step finished last (the one an away right now follows). */
function lastDone(visit: Visit): StepInstance | undefined {
  let last: StepInstance | undefined;
  for (const s of visit.steps)
    if (s.status === 'done' && s.endedAt !== null && (!last || s.endedAt > (last.endedAt ?? 0))) last = s;
  return last;
}
