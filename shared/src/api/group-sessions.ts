/** What a facilitator's workstation shows of the group sessions they may run (rules Q-GROUP-*). */
import { z } from 'zod';
import { Id, Millis, QueueRef } from '../domain/model.js';

export const GroupSessionDto = z.object({
  id: Id,
  /** `called`: participants called, not started; `running`: the session has started. */
  stage: z.enum(['called', 'running']),
  facilitatorIds: z.array(Id),
  roomId: Id.nullable(),
  calledAt: Millis,
  startedAt: Millis.nullable(),
  /** Started as the last session of the day (latecomers go to reception). */
  last: z.boolean(),
  participantIds: z.array(Id),
  /** I am one of its facilitators. */
  mine: z.boolean(),
});
export type GroupSessionDto = z.infer<typeof GroupSessionDto>;

/** One group step's queue: who waits for it and the sessions called or running now. */
export const GroupQueueDto = z.object({
  queue: QueueRef,
  label: z.string(),
  capacity: z.number().int(),
  facilitators: z.number().int(),
  waiting: z.array(z.object({ visitId: Id, waitedMinutes: z.number().int().nonnegative() })),
  sessions: z.array(GroupSessionDto),
});
export type GroupQueueDto = z.infer<typeof GroupQueueDto>;
