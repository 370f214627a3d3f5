/**
 * The supervisor's figures (CCTP, supervision): one function per figure,
 * each from the journal's timelines plus the visits' structure (reason,
 * steps, identity). Pure: `now` is an input. Durations in whole minutes.
 */
import type {
  CentreConfig,
  ConsultantRow,
  ConsultantStatus,
  DayTotals,
  Desk,
  DurationStats,
  EndOfDaySummary,
  Id,
  JourneyStep,
  Millis,
  ProfessionalRow,
  CategoryFigures,
  ReasonFigures,
  StepStatus,
  Visit,
} from '@gfa/shared';
import { ConsultantStatus as Statuses } from '@gfa/shared';
import { MINUTE, minutesBetween, round1, summarise } from '../stats/percentiles.js';
import type { Care, DayFacts } from './journal-facts.js';

/** The board shows count, mean, min and max; the statistics' summary computes them. */
export function durationStats(values: readonly number[]): DurationStats {
  const { count, mean, min, max } = summarise(values);
  return { count, mean, min, max };
}

/** An expected consultant whose appointment is this long past counts as absent so far. */
export const NO_SHOW_AFTER_MINUTES = 60;

export function consultantStatus(visit: Visit): ConsultantStatus {
  switch (visit.state) {
    case 'expected':
      return 'expected';
    case 'away':
      return 'away';
    case 'done':
      return 'done';
    case 'left':
      return 'left';
    case 'no_show':
      return 'no_show';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'in_journey';
  }
}

const careMinutes = (care: Care, now: Millis): number => minutesBetween(care.startedAt, care.endedAt ?? now);

const JOURNEY_STATUS: Record<StepStatus, JourneyStep['status']> = {
  todo: 'todo',
  called: 'in_progress',
  in_care: 'in_progress',
  done: 'done',
  skipped: 'skipped',
};

/** Each journey: steps done, to do, in progress (with the time it began). */
export function journeySteps(visit: Visit): JourneyStep[] {
  return visit.steps.map((s) => ({
    stepId: s.id,
    label: s.label,
    status: JOURNEY_STATUS[s.status],
    professionalId: s.professionalId,
    categoryId:
      s.target.kind === 'category'
        ? s.target.categoryId
        : s.target.kind === 'appointment_professional'
          ? s.target.fallbackCategoryId
          : null,
    startedAt: s.status === 'todo' ? null : (s.startedAt ?? s.calledAt),
  }));
}

/** Waiting now: arrived, not called, not in care, not away, not finished. */
const waitingNow = (visit: Visit): boolean => visit.state === 'waiting' || visit.state === 'arrived';

/** Each consultant with the visit reason: status, delay, waits, care and journey durations. */
export function consultantRows(visits: readonly Visit[], facts: DayFacts, now: Millis): ConsultantRow[] {
  return visits.map((visit) => {
    const timeline = facts.visits.get(visit.id);
    const arrivedAt = timeline?.arrivedAt ?? null;
    const waits = facts.calls
      .filter((c) => c.visitId === visit.id && c.readyAt !== null)
      .map((c) => minutesBetween(c.readyAt as number, c.at));
    const lastAvailable = timeline?.availableAt.at(-1) ?? null;
    const cares = facts.cares.filter((c) => c.visitId === visit.id);
    return {
      visitId: visit.id,
      reasonId: visit.reasonId,
      name: `${visit.identity.civility} ${visit.identity.lastName.toUpperCase()} ${visit.identity.firstName}`.trim(),
      status: consultantStatus(visit),
      awayReason: visit.away?.reason ?? null,
      appointmentAt: visit.appointmentAt,
      arrivedAt,
      delayMinutes:
        arrivedAt !== null && visit.appointmentAt !== null
          ? minutesBetween(visit.appointmentAt, arrivedAt)
          : null,
      waitingMinutes: waitingNow(visit) && lastAvailable !== null ? minutesBetween(lastAvailable, now) : null,
      waitedMinutes: waits.reduce((s, w) => s + w, 0),
      careMinutes: cares.reduce((s, c) => s + careMinutes(c, now), 0),
      journeyMinutes: arrivedAt === null ? null : minutesBetween(arrivedAt, timeline?.endedAt ?? now),
      steps: journeySteps(visit),
    };
  });
}

/**
 * Idle time: the desk is "available" and its professional has no consultant
 * (from the call to the end of the care). Returns the total and the current
 * stretch, both in minutes.
 */
export function idleTime(
  professionalId: Id,
  facts: DayFacts,
  now: Millis,
): { idleMinutes: number; idleSinceMinutes: number | null } {
  // Busy from each call to the end of the care that followed it (or now).
  const busy = facts.calls
    .filter((c) => c.professionalId === professionalId)
    .map((call) => {
      const care = facts.cares.find((c) => c.stepId === call.stepId && c.startedAt >= call.at);
      const next = facts.calls.find((c) => c.stepId === call.stepId && c.at > call.at && c !== call);
      return { from: call.at, to: care ? (care.endedAt ?? now) : (next?.at ?? now) };
    });
  const changes = facts.deskChanges.filter((d) => d.professionalId === professionalId);
  let idleMs = 0;
  let currentSince: Millis | null = null;
  changes.forEach((change, i) => {
    if (change.state !== 'available') return;
    const end = changes[i + 1]?.at ?? now;
    // Walk the available stretch, skipping the busy intervals.
    let cursor = change.at;
    for (const b of busy.filter((x) => x.to > change.at && x.from <= end).sort((x, y) => x.from - y.from)) {
      if (b.from > cursor) idleMs += b.from - cursor;
      cursor = Math.max(cursor, b.to);
    }
    if (end > cursor) {
      idleMs += end - cursor;
      if (end === now && i === changes.length - 1) currentSince = cursor;
    }
  });
  return {
    idleMinutes: Math.round(idleMs / MINUTE),
    idleSinceMinutes: currentSince === null ? null : minutesBetween(currentSince, now),
  };
}

/** Per professional: consultants received (by reason), care and wait durations, idle time. */
export function professionalRows(
  config: CentreConfig,
  visits: readonly Visit[],
  desks: readonly Desk[],
  facts: DayFacts,
  now: Millis,
): ProfessionalRow[] {
  const reasonOf = new Map(visits.map((v) => [v.id, v.reasonId]));
  return config.professionals
    .filter((p) => p.active)
    .map((p) => {
      const cares = facts.cares.filter((c) => c.professionalId === p.id);
      const received = [...new Set(cares.map((c) => c.visitId))];
      const byReason: Record<Id, number> = {};
      for (const visitId of received) {
        const reason = reasonOf.get(visitId);
        if (reason) byReason[reason] = (byReason[reason] ?? 0) + 1;
      }
      const waits = facts.calls
        .filter((c) => c.professionalId === p.id && c.readyAt !== null)
        .map((c) => minutesBetween(c.readyAt as number, c.at));
      return {
        professionalId: p.id,
        name: p.displayName,
        deskState: desks.find((d) => d.professionalId === p.id)?.state ?? 'offline',
        received: received.length,
        byReason,
        care: durationStats(cares.filter((c) => c.endedAt !== null).map((c) => careMinutes(c, now))),
        wait: durationStats(waits),
        ...idleTime(p.id, facts, now),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** Average, minimum and maximum care duration by professional category, so far. */
export function categoryFigures(config: CentreConfig, facts: DayFacts, now: Millis): CategoryFigures[] {
  return config.categories.map((category) => {
    const members = new Set(
      config.professionals.filter((p) => p.categoryIds[0] === category.id).map((p) => p.id),
    );
    const cares = facts.cares.filter((c) => c.endedAt !== null && members.has(c.professionalId));
    return {
      categoryId: category.id,
      label: category.label,
      care: durationStats(cares.map((c) => careMinutes(c, now))),
    };
  });
}

/** Per visit reason: consultants by status, and the durations of finished journeys. */
export function reasonFigures(
  config: CentreConfig,
  visits: readonly Visit[],
  facts: DayFacts,
): ReasonFigures[] {
  return config.reasons
    .filter((reason) => visits.some((v) => v.reasonId === reason.id))
    .map((reason) => {
      const mine = visits.filter((v) => v.reasonId === reason.id);
      const statuses = Object.fromEntries(
        Statuses.options.map((s) => [s, mine.filter((v) => consultantStatus(v) === s).length]),
      ) as Record<ConsultantStatus, number>;
      const journeys = mine
        .filter((v) => v.state === 'done')
        .flatMap((v) => {
          const t = facts.visits.get(v.id);
          return t && t.arrivedAt !== null && t.endedAt !== null
            ? [minutesBetween(t.arrivedAt, t.endedAt)]
            : [];
        });
      return { reasonId: reason.id, label: reason.label, statuses, journey: durationStats(journeys) };
    });
}

const arrived = (facts: DayFacts, visit: Visit): boolean =>
  (facts.visits.get(visit.id)?.arrivedAt ?? null) !== null;

/** Absent so far: declared no-show, or expected and more than an hour past the appointment. */
export function isNoShowSoFar(visit: Visit, now: Millis): boolean {
  if (visit.state === 'no_show') return true;
  return (
    visit.state === 'expected' &&
    visit.appointmentAt !== null &&
    now - visit.appointmentAt > NO_SHOW_AFTER_MINUTES * MINUTE
  );
}

/** Totals: received so far, still expected, absent so far, in journey, done. */
export function dayTotals(visits: readonly Visit[], facts: DayFacts, now: Millis): DayTotals {
  const noShows = visits.filter((v) => isNoShowSoFar(v, now)).length;
  return {
    received: visits.filter((v) => arrived(facts, v)).length,
    stillExpected: visits.filter((v) => v.state === 'expected' && !isNoShowSoFar(v, now)).length,
    noShows,
    inJourney: visits.filter((v) => ['in_journey', 'away'].includes(consultantStatus(v))).length,
    done: visits.filter((v) => v.state === 'done').length,
  };
}

/** End of day: cares per professional and for all, mean per professional, absents, came but not handled. */
export function endOfDaySummary(
  rows: readonly ProfessionalRow[],
  visits: readonly Visit[],
  facts: DayFacts,
  now: Millis,
): EndOfDaySummary {
  const finished = facts.cares.filter((c) => c.endedAt !== null);
  const byProfessional = rows
    .map((r) => ({
      professionalId: r.professionalId,
      name: r.name,
      cares: finished.filter((c) => c.professionalId === r.professionalId).length,
      meanCare: r.care.mean,
    }))
    .filter((r) => r.cares > 0);
  const handled = new Set(finished.map((c) => c.visitId));
  return {
    cares: finished.length,
    byProfessional,
    meanCaresPerProfessional: byProfessional.length ? round1(finished.length / byProfessional.length) : null,
    noShows: visits.filter((v) => isNoShowSoFar(v, now)).length,
    cameNotHandled: visits.filter((v) => arrived(facts, v) && !handled.has(v.id)).length,
  };
}
