/** Builds the protocol's DTOs from the engine's state. */
import { nameKey } from '../db/name-key.js';
import {
  initialOf,
  VisitState,
  type BoardDto,
  type CallDto,
  type CentreConfig,
  type DeskViewDto,
  type Id,
  type Visit,
  type VisitDto,
} from '@gfa/shared';
import { groupBasis, groupView, queuesOf, queueView, viewBasis, type DayState } from '../domain/index.js';
import { CENTRE_DISPATCHER } from './dispatcher.js';

export const toVisitDto = (visit: Visit, config: CentreConfig): VisitDto => ({
  ...visit,
  queues: queuesOf(visit, config),
  searchKey: `${nameKey(visit.identity.lastName)} ${nameKey(visit.identity.firstName)}`.trim(),
});

/** Only civility, first-name initial, last name and room label ever reach a display. */
export function toCallDto(visit: Visit, stepId: Id, config: CentreConfig): CallDto | null {
  const step = visit.steps.find((s) => s.id === stepId);
  if (!step?.calledAt) return null;
  const room = config.rooms.find((r) => r.id === step.roomId);
  // A group session is ONE call for the room, with no participant's name (privacy of the display).
  if (step.session) {
    return {
      callId: `${step.session.id}:${step.callCount}`,
      visitId: visit.id,
      at: step.calledAt,
      civility: '',
      initial: '',
      lastName: '',
      roomLabel: room?.label ?? '',
      recall: step.callCount > 1,
      session: step.label,
    };
  }
  return {
    callId: `${step.id}:${step.callCount}`,
    visitId: visit.id,
    at: step.calledAt,
    civility: visit.identity.civility,
    initial: initialOf(visit.identity.firstName),
    lastName: visit.identity.lastName.toUpperCase(),
    roomLabel: room?.label ?? '',
    recall: step.callCount > 1,
  };
}

/** The latest calls of the day, newest first (the display's list). */
export function recentCalls(state: DayState, config: CentreConfig, limit = 8): CallDto[] {
  return Object.values(state.visits)
    .flatMap((v) => v.steps.filter((s) => s.calledAt !== null).map((s) => toCallDto(v, s.id, config)))
    .filter((c): c is CallDto => c !== null)
    .filter((c, i, all) => all.findIndex((o) => o.callId === c.callId) === i)
    .sort((a, b) => b.at - a.at)
    .slice(0, limit);
}

export function deskView(
  state: DayState,
  config: CentreConfig,
  professionalId: Id,
  now: number,
): DeskViewDto {
  return deskViews(state, config, [professionalId], now).get(professionalId) as DeskViewDto;
}

/** Q-VIEW-3: the views of several professionals of one state, what they share read once. */
export function deskViews(
  state: DayState,
  config: CentreConfig,
  professionalIds: Iterable<Id>,
  now: number,
): Map<Id, DeskViewDto> {
  const queues = viewBasis(state, config);
  const groups = groupBasis(state, config);
  const views = new Map<Id, DeskViewDto>();
  for (const professionalId of professionalIds) {
    views.set(professionalId, {
      professionalId,
      desk: state.desks[professionalId] ?? null,
      ...queueView(state, config, professionalId, now, CENTRE_DISPATCHER, queues),
      ...withGroups(groupView(state, config, professionalId, now, groups)),
    });
  }
  return views;
}

/** Only a professional who serves a group step gets the `groups` field (Q-GROUP-*). */
function withGroups(groups: DeskViewDto['groups']): Pick<DeskViewDto, 'groups'> {
  return groups && groups.length > 0 ? { groups } : {};
}

export function board(state: DayState, config: CentreConfig, now: number): BoardDto {
  const visits = Object.values(state.visits);
  const counts = Object.fromEntries(
    VisitState.options.map((s) => [s, visits.filter((v) => v.state === s).length]),
  ) as Record<VisitState, number>;
  return {
    day: state.day,
    at: now,
    visits: visits.map((v) => toVisitDto(v, config)),
    desks: Object.values(state.desks),
    counts,
  };
}
