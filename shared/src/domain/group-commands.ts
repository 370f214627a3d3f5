/**
 * What a facilitator does with a group session (rules Q-GROUP-*). Also the body of
 * `POST /api/group-sessions/actions`, so REST clients and the engine speak the same language.
 */
import { z } from 'zod';
import { Id, QueueRef } from './model.js';

export const GroupAction = z.discriminatedUnion('type', [
  /** « Appeler le groupe »: up to the step's capacity of waiting participants, at once. */
  z.object({ type: z.literal('call'), queue: QueueRef.optional() }),
  /** Call the room again (the TV shows the session once more). */
  z.object({ type: z.literal('recall'), sessionId: Id }),
  /** A second facilitator joins a called or running session. */
  z.object({ type: z.literal('join'), sessionId: Id }),
  /** « Démarrer la séance »; `last`: no other session of this step today (latecomers go to reception). */
  z.object({ type: z.literal('start'), sessionId: Id, last: z.boolean().optional() }),
  /** « Terminer la séance »: the step is done for every participant. */
  z.object({ type: z.literal('finish'), sessionId: Id }),
]);
export type GroupAction = z.infer<typeof GroupAction>;
