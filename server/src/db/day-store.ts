/**
 * Day state persistence: load a day, and commit one engine transition —
 * changed rows plus journal events — in a single SQLite transaction.
 */
import { between, eq, inArray } from 'drizzle-orm';
import type {
  AwayReason,
  Civility,
  Desk,
  DeskState,
  DomainEvent,
  Id,
  StepInstance,
  Visit,
} from '@gfa/shared';
import type { DayState } from '../domain/index.js';
import type { Db } from './database.js';
import { appendEntry } from './journal-store.js';
import { rowWriter } from './row-writer.js';
import * as t from './schema.js';
import { writeTransaction, type Tx } from './tx.js';

/** Rows grouped by visit, looked up in constant time (a period may hold 80,000 visits). */
function byVisitId<R extends { visitId: string }>(rows: readonly R[]): (visitId: string) => R[] {
  const map = new Map<string, R[]>();
  for (const row of rows) {
    const list = map.get(row.visitId);
    if (list) list.push(row);
    else map.set(row.visitId, [row]);
  }
  return (visitId) => [...(map.get(visitId) ?? [])];
}

/** The visits (with steps, notes, checks) whose day is in [from, to]. */
export function loadVisits(db: Db, from: string, to: string): Visit[] {
  const rows = db
    .select()
    .from(t.visits)
    .where(between(t.visits.day, from, to))
    .all();
  // A subquery, not a list of ids: a period may hold tens of thousands of visits.
  const ids = db
    .select({ id: t.visits.id })
    .from(t.visits)
    .where(between(t.visits.day, from, to));
  const steps = db.select().from(t.visitSteps).where(inArray(t.visitSteps.visitId, ids)).all();
  const notes = db.select().from(t.notes).where(inArray(t.notes.visitId, ids)).all();
  const checks = db.select().from(t.visitChecks).where(inArray(t.visitChecks.visitId, ids)).all();
  const stepsOf = byVisitId(steps);
  const notesOf = byVisitId(notes);
  const checksOf = byVisitId(checks);
  const visits: Record<Id, Visit> = {};
  for (const r of rows) {
    visits[r.id] = {
      id: r.id,
      day: r.day,
      appointmentId: r.appointmentId,
      appointmentAt: r.appointmentAt,
      appointmentProfessionalId: r.appointmentProfessionalId,
      reasonId: r.reasonId,
      templateId: r.templateId,
      templateVersion: r.templateVersion,
      identity: {
        civility: r.civility as Civility,
        firstName: r.firstName,
        lastName: r.lastName,
        birthDate: r.birthDate,
      },
      state: r.state as Visit['state'],
      priorityClass: r.priorityClass,
      arrivedAt: r.arrivedAt,
      readySince: r.readySince,
      away: r.awayReason ? { reason: r.awayReason as AwayReason, since: r.awaySince ?? 0 } : null,
      offer: r.offerProfessionalId
        ? { professionalId: r.offerProfessionalId, stepId: r.offerStepId ?? '', at: r.offerAt ?? 0 }
        : null,
      requeued: r.requeuedBy ? { professionalId: r.requeuedBy, at: r.requeuedAt ?? 0 } : null,
      endedAt: r.endedAt,
      steps: stepsOf(r.id)
        .sort((a, b) => a.ord - b.ord)
        .map((s): StepInstance => ({
          id: s.id,
          key: s.key,
          label: s.label,
          target: s.target as StepInstance['target'],
          estimatedMinutes: s.estimatedMinutes,
          after: s.after,
          optional: s.optional,
          added: s.added,
          status: s.status as StepInstance['status'],
          professionalId: s.professionalId,
          roomId: s.roomId,
          calledAt: s.calledAt,
          callCount: s.callCount,
          startedAt: s.startedAt,
          endedAt: s.endedAt,
          ...(s.groupSettings && { group: s.groupSettings }),
          ...(s.session && { session: s.session }),
        })),
      notes: notesOf(r.id)
        .sort((a, b) => a.at - b.at)
        .map((n) => ({ id: n.id, at: n.at, authorId: n.authorId, text: n.text })),
      checks: checksOf(r.id)
        .sort((a, b) => a.ord - b.ord)
        .map((c) => ({ kind: c.kind as 'ecg', mark: c.mark as 'lecture', at: c.at, by: c.by })),
    };
  }
  return Object.values(visits);
}

export function loadDay(db: Db, day: string): DayState {
  const visits = Object.fromEntries(loadVisits(db, day, day).map((v) => [v.id, v]));
  const desks: Record<Id, Desk> = {};
  for (const d of db.select().from(t.desks).where(eq(t.desks.day, day)).all()) {
    desks[d.professionalId] = {
      professionalId: d.professionalId,
      state: d.state as DeskState,
      roomId: d.roomId,
      since: d.since,
    };
  }
  return { day, visits, desks };
}

// The live path's writes (every action commits its visits and desks): plain prepared statements.
const VISITS = rowWriter(t.visits, ['id']);
const STEPS = rowWriter(t.visitSteps);
const NOTES = rowWriter(t.notes);
const CHECKS = rowWriter(t.visitChecks);
const DESKS = rowWriter(t.desks, ['day', 'professionalId']);

function writeVisit(tx: Db, v: Visit): void {
  const row = {
    id: v.id,
    day: v.day,
    appointmentId: v.appointmentId,
    appointmentAt: v.appointmentAt,
    appointmentProfessionalId: v.appointmentProfessionalId,
    reasonId: v.reasonId,
    templateId: v.templateId,
    templateVersion: v.templateVersion,
    ...v.identity,
    state: v.state,
    priorityClass: v.priorityClass,
    arrivedAt: v.arrivedAt,
    readySince: v.readySince,
    awayReason: v.away?.reason ?? null,
    awaySince: v.away?.since ?? null,
    offerProfessionalId: v.offer?.professionalId ?? null,
    offerStepId: v.offer?.stepId ?? null,
    offerAt: v.offer?.at ?? null,
    requeuedBy: v.requeued?.professionalId ?? null,
    requeuedAt: v.requeued?.at ?? null,
    endedAt: v.endedAt,
  };
  VISITS.write(tx, row);
  // Children are rewritten whole: a visit has a handful of steps, notes and checks.
  STEPS.deleteWhere(tx, 'visitId', v.id);
  NOTES.deleteWhere(tx, 'visitId', v.id);
  CHECKS.deleteWhere(tx, 'visitId', v.id);
  v.steps.forEach((s, ord) =>
    STEPS.write(tx, { ...s, visitId: v.id, ord, groupSettings: s.group ?? null, session: s.session ?? null }),
  );
  for (const n of v.notes) NOTES.write(tx, { ...n, visitId: v.id });
  v.checks.forEach((c, ord) => CHECKS.write(tx, { ...c, visitId: v.id, ord }));
}

export interface Transition {
  readonly state: DayState;
  readonly changedVisitIds: readonly Id[];
  readonly changedDeskIds: readonly Id[];
  readonly events: readonly DomainEvent[];
}

/**
 * ONE transaction: the changed visits and desks, the journal events, and
 * `extra` (e.g. an idempotency key). Returns the events' journal seqs.
 * If anything throws, nothing is written.
 */
export function commitTransition(db: Db, transition: Transition, extra?: (tx: Tx) => void): number[] {
  return writeTransaction(db, (tx) => {
    for (const id of transition.changedVisitIds) {
      const visit = transition.state.visits[id];
      if (visit) writeVisit(tx, visit);
    }
    for (const id of transition.changedDeskIds) {
      const desk = transition.state.desks[id];
      if (!desk) continue;
      DESKS.write(tx, { day: transition.state.day, ...desk });
    }
    const seqs = transition.events.map((e) => appendEntry(tx, e));
    extra?.(tx);
    return seqs;
  });
}

export function getCheckinKey(
  db: Db,
  key: string,
): { visitId: string | null; response: unknown } | undefined {
  return db.select().from(t.checkinKeys).where(eq(t.checkinKeys.key, key)).get();
}

export function putCheckinKey(
  db: Db,
  key: string,
  visitId: string | null,
  response: unknown,
  at: number,
): void {
  db.insert(t.checkinKeys).values({ key, visitId, response, at }).run();
}
