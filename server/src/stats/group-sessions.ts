/**
 * Group sessions in the statistics (rules Q-GROUP-*): a session with N participants counts as ONE session
 * and, for each facilitator, as one care of its duration — never N. Per visit reason the cube keeps the
 * number of sessions, of participants, the sessions' minutes and the facilitators' minutes (a session's
 * duration once per facilitator), summed like the other cells, day rows and month rows alike.
 */
import type { CentreConfig, GroupRow, SessionRef } from '@gfa/shared';
import { round1 } from './percentiles.js';

export interface GroupCell {
  readonly reasonId: string;
  sessions: number;
  participants: number;
  sessionMinutes: number;
  facilitatorMinutes: number;
}

export type GroupCounts = Omit<GroupCell, 'reasonId'>;

export function groupCell(groups: Map<string, GroupCell>, reasonId: string): GroupCell {
  let cell = groups.get(reasonId);
  if (!cell) {
    cell = { reasonId, sessions: 0, participants: 0, sessionMinutes: 0, facilitatorMinutes: 0 };
    groups.set(reasonId, cell);
  }
  return cell;
}

export function addGroupCounts(cell: GroupCell, counts: GroupCounts): void {
  cell.sessions += counts.sessions;
  cell.participants += counts.participants;
  cell.sessionMinutes += counts.sessionMinutes;
  cell.facilitatorMinutes += counts.facilitatorMinutes;
}

/**
 * Counts a participant's done step of a session lasting `minutes`. True the first time the session is seen
 * in `seen` (its care is then counted once per facilitator), false for its other participants.
 */
export function addSessionStep(
  groups: Map<string, GroupCell>,
  reasonId: string,
  session: SessionRef,
  minutes: number,
  seen: Set<string>,
): boolean {
  const cell = groupCell(groups, reasonId);
  cell.participants += 1;
  if (seen.has(session.id)) return false;
  seen.add(session.id);
  cell.sessions += 1;
  cell.sessionMinutes += minutes;
  cell.facilitatorMinutes += minutes * session.facilitatorIds.length;
  return true;
}

/** One row per visit reason that had sessions, in French order of its label. */
export function groupRows(groups: Map<string, GroupCell>, config: CentreConfig): GroupRow[] {
  return [...groups.values()]
    .filter((g) => g.sessions > 0)
    .map((g) => ({
      reasonId: g.reasonId,
      label: config.reasons.find((r) => r.id === g.reasonId)?.label ?? g.reasonId,
      sessions: g.sessions,
      participants: g.participants,
      participantsPerSession: round1(g.participants / g.sessions),
      meanSessionMinutes: round1(g.sessionMinutes / g.sessions),
      facilitatorMinutes: g.facilitatorMinutes,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'fr') || (a.reasonId < b.reasonId ? -1 : 1));
}
