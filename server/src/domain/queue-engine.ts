/** The engine's single entry point: apply one command to the day (see docs/QUEUE_SPEC.md). */
import type { DayString } from '@gfa/shared';
import type { DayState, EngineCommand, EngineContext, EngineResult } from './types.js';
import { checkIn, expect, walkIn, withdraw } from './arrivals.js';
import { deskAction } from './desk-actions.js';
import { DomainFailure } from './domain-error.js';
import { Draft } from './draft.js';
import { adoptIndex, forgetIndex, rememberIndex } from './day-index.js';
import { groupAction, settleGroups } from './group-session.js';
import { assignOffers } from './offers.js';
import { visitAction } from './visit-actions.js';

export function emptyDay(day: DayString): DayState {
  return { day, visits: {}, desks: {} };
}

export function apply(state: DayState, command: EngineCommand, ctx: EngineContext): EngineResult {
  const draft = new Draft(state, ctx);
  if (draft.ownsBase) adoptIndex(draft);
  try {
    const visitId = run(draft, command);
    settleGroups(draft);
    assignOffers(draft);
    const state = draft.snapshot();
    rememberIndex(state, draft);
    return {
      ok: true,
      state,
      events: draft.events,
      changedVisitIds: [...draft.changedVisits],
      changedDeskIds: [...draft.changedDesks],
      visitId,
    };
  } catch (error) {
    if (draft.ownsBase) {
      draft.undo();
      forgetIndex(state);
    }
    if (error instanceof DomainFailure) return { ok: false, error: error.error };
    throw error;
  }
}

function run(draft: Draft, command: EngineCommand): string | null {
  switch (command.type) {
    case 'expect':
      return expect(draft, command.appointment);
    case 'withdraw':
      return withdraw(draft, command.appointmentId);
    case 'check_in':
      return checkIn(draft, command.visitId);
    case 'walk_in':
      return walkIn(draft, command.identity, command.reasonId, command.professionalId);
    case 'visit':
      visitAction(draft, command.visitId, command.action);
      return command.visitId;
    case 'desk':
      return deskAction(draft, command.professionalId, command.action);
    case 'group':
      groupAction(draft, command.professionalId, command.action);
      return null;
  }
}
