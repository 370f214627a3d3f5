/**
 * The commands the queue engine accepts. They are also the bodies of
 * `POST /api/visits/{id}/actions` (with `visitId` taken from the path), so
 * REST clients and the engine speak exactly the same language.
 */
import { z } from 'zod';
import { AwayReason, CheckKind, CheckMark, DeskState, Id, StepTarget } from './model.js';

/** A step a professional adds during care (diététicien, psychologue, dentiste...). */
export const AddedStep = z.object({
  label: z.string().min(1).max(80),
  target: StepTarget,
  estimatedMinutes: z.number().int().min(1).max(480),
});
export type AddedStep = z.infer<typeof AddedStep>;

/** Where a transfer sends the consultant. */
export const TransferTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('professional'), professionalId: Id }),
  z.object({ kind: z.literal('category'), categoryId: Id }),
  z.object({ kind: z.literal('reason'), reasonId: Id }),
]);
export type TransferTarget = z.infer<typeof TransferTarget>;

const reason = z.string().max(500).optional();

/** Actions on one visit. `stepId` defaults to the step the action obviously concerns. */
export const VisitAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call'), stepId: Id.optional() }),
  z.object({ type: z.literal('recall') }),
  z.object({ type: z.literal('requeue') }),
  z.object({ type: z.literal('start') }),
  z.object({ type: z.literal('finish'), addSteps: z.array(AddedStep).max(10).optional() }),
  z.object({ type: z.literal('add_steps'), steps: z.array(AddedStep).min(1).max(10) }),
  z.object({ type: z.literal('skip_step'), stepId: Id, reason }),
  z.object({ type: z.literal('away'), reason: AwayReason }),
  z.object({ type: z.literal('back') }),
  z.object({ type: z.literal('transfer'), target: TransferTarget, stepId: Id.optional(), reason }),
  z.object({ type: z.literal('priority'), priorityClass: z.number().int().min(0).max(9), reason }),
  z.object({ type: z.literal('note'), text: z.string().trim().min(1).max(2000) }),
  z.object({ type: z.literal('check'), kind: CheckKind, mark: CheckMark }),
  z.object({ type: z.literal('leave'), reason }),
  z.object({ type: z.literal('end'), reason }),
  z.object({ type: z.literal('no_show') }),
  /** Undoes « Non venu », « Raccompagner (départ) » or a forced « Terminer le parcours » the same day. */
  z.object({ type: z.literal('reopen') }),
  /** Removes an ECG / prélèvement tick set by mistake. */
  z.object({ type: z.literal('uncheck'), kind: CheckKind, mark: CheckMark }),
]);
export type VisitAction = z.infer<typeof VisitAction>;
export type VisitActionType = VisitAction['type'];

/** Commands that are not about one existing visit. */
export const DeskAction = z.discriminatedUnion('type', [
  z.object({ type: z.literal('call_next') }),
  z.object({ type: z.literal('presence'), state: DeskState, roomId: Id.nullable().optional() }),
]);
export type DeskAction = z.infer<typeof DeskAction>;
