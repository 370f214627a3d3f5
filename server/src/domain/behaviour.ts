/** What consultants and professionals do in a forward run (forecast, simulator): the caller's model. */
import type { AddedStep, AwayReason, Professional, StepInstance, Visit, VisitAction } from '@gfa/shared';
import type { DayState } from './types.js';

/** What consultants and professionals do, as the caller models it. */
export interface Behaviour {
  /** Minutes from the call to the start of care (the walk to the room). */
  walkMinutes(visit: Visit, step: StepInstance): number;
  /** Minutes of care of this step by this professional. */
  careMinutes(visit: Visit, step: StepInstance, professional: Professional): number;
  /** Steps the professional adds when finishing (Q-ACT-4). */
  addedSteps(visit: Visit, step: StepInstance): readonly AddedStep[];
  /** Whether the consultant goes away after this step, and for how long. */
  awayAfter(visit: Visit, step: StepInstance): { reason: AwayReason; minutes: number } | null;
  /** Minutes an away already in progress lasts in all. */
  awayMinutes(visit: Visit): number;
  /** What reception does with a consultant sent back to it (Q-ROUTE-6), if anything. */
  atReception(visit: Visit, state: DayState): VisitAction | null;
}
