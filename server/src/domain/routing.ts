/** Where a consultant goes once available: waiting in queues, reception, or exit. */
import type { Visit } from '@gfa/shared';
import type { Draft } from './draft.js';
import { queuesOf } from './queues.js';
import { journeyComplete, readySteps } from './steps.js';

/**
 * Q-ROUTE-1: after check-in, care or a return, a visit whose journey is complete
 * is done; otherwise it waits in the queues of its ready steps, or stays
 * `arrived` (reception) when no ready step has a professional to serve it
 * (Q-ROUTE-6: nor one still present today).
 */
export function routeAvailable(draft: Draft, visit: Visit, keepWaitingSince: boolean): void {
  if (journeyComplete(visit)) {
    visit.state = 'done';
    visit.endedAt = draft.now;
    visit.readySince = null;
    draft.emit('visit.done', { visit });
    return;
  }
  if (!keepWaitingSince || visit.readySince === null) visit.readySince = draft.now;
  visit.state = readySteps(visit).length > 0 ? 'waiting' : 'arrived';
  const queues = queuesOf(visit, draft.ctx.config, draft.desks);
  if (queues.every((q) => q.kind === 'reception')) {
    visit.state = 'arrived';
    draft.emit('visit.sent_to_reception', { visit });
  }
}
