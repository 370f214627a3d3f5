/**
 * Reads one day's event journal into timelines: when each consultant became
 * available, was called, was in care, was away; when each professional's
 * desk changed state. The supervisor's figures are computed from these, so
 * they always agree with what was recorded, not with what a screen assumed.
 */
import type { DeskState, Id, JournalEntry, Millis } from '@gfa/shared';

export interface Care {
  readonly visitId: Id;
  readonly stepId: Id;
  readonly professionalId: Id;
  readonly startedAt: Millis;
  /** null while the care goes on. */
  readonly endedAt: Millis | null;
}

export interface Call {
  readonly visitId: Id;
  readonly stepId: Id;
  readonly professionalId: Id;
  readonly at: Millis;
  /** When the consultant had become available for this step (arrival, end of care, return). */
  readonly readyAt: Millis | null;
}

export interface VisitTimeline {
  readonly arrivedAt: Millis | null;
  /** Instants from which the consultant waited: arrival, end of each care, return from away. */
  readonly availableAt: readonly Millis[];
  readonly endedAt: Millis | null;
}

export interface DeskChange {
  readonly professionalId: Id;
  readonly at: Millis;
  readonly state: DeskState;
}

export interface DayFacts {
  readonly visits: ReadonlyMap<Id, VisitTimeline>;
  readonly calls: readonly Call[];
  readonly cares: readonly Care[];
  readonly deskChanges: readonly DeskChange[];
  /** Keys of the alerts a supervisor acknowledged. */
  readonly acknowledged: ReadonlySet<string>;
}

const AVAILABLE = new Set(['visit.checked_in', 'visit.care_finished', 'visit.back']);
const ENDED = new Set(['visit.done', 'visit.left']);

export function readJournal(entries: readonly JournalEntry[]): DayFacts {
  const sorted = [...entries].sort((a, b) => a.seq - b.seq);
  const visits = new Map<Id, { arrivedAt: Millis | null; availableAt: Millis[]; endedAt: Millis | null }>();
  const timeline = (id: Id) => {
    let found = visits.get(id);
    if (!found) visits.set(id, (found = { arrivedAt: null, availableAt: [], endedAt: null }));
    return found;
  };
  const calls: Call[] = [];
  const open = new Map<Id, Care>();
  const cares: Care[] = [];
  const deskChanges: DeskChange[] = [];
  const acknowledged = new Set<string>();

  for (const e of sorted) {
    if (e.type === 'alert.acknowledged' && typeof e.data.key === 'string') acknowledged.add(e.data.key);
    if (e.type === 'desk.changed' && e.professionalId) {
      deskChanges.push({ professionalId: e.professionalId, at: e.at, state: e.data.state as DeskState });
    }
    if (!e.visitId) continue;
    const visit = timeline(e.visitId);
    if (e.type === 'visit.checked_in') visit.arrivedAt = e.at;
    if (AVAILABLE.has(e.type)) visit.availableAt.push(e.at);
    if (ENDED.has(e.type)) visit.endedAt = e.at;
    // Q-ACT-12: an undone departure or end waits again from now.
    if (e.type === 'visit.reopened' && e.data.from !== 'no_show') {
      visit.endedAt = null;
      visit.availableAt.push(e.at);
    }
    if (e.type === 'visit.called' && e.stepId && e.professionalId) {
      calls.push({
        visitId: e.visitId,
        stepId: e.stepId,
        professionalId: e.professionalId,
        at: e.at,
        readyAt: visit.availableAt.at(-1) ?? null,
      });
    }
    if (e.type === 'visit.care_started' && e.stepId && e.professionalId) {
      const care = {
        visitId: e.visitId,
        stepId: e.stepId,
        professionalId: e.professionalId,
        startedAt: e.at,
      };
      open.set(e.stepId, { ...care, endedAt: null });
    }
    if (e.type === 'visit.care_finished' && e.stepId) {
      const started = open.get(e.stepId);
      if (started) {
        cares.push({ ...started, endedAt: e.at });
        open.delete(e.stepId);
      }
    }
  }
  return { visits, calls, cares: [...cares, ...open.values()], deskChanges, acknowledged };
}
