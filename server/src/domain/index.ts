/** Public surface of the queue engine. */
export { apply, emptyDay } from './queue-engine.js';
export { queuesOf } from './queues.js';
export { candidatesFor } from './pick-policy.js';
export { fifoDispatcher } from './dispatch.js';
export { journeyAwareDispatcher } from './journey-dispatcher.js';
export { queueView, viewBasis, type QueueEntry, type QueueView, type ViewBasis } from './desk-view.js';
export { activeStep, readySteps, journeyComplete } from './steps.js';
export type * from './types.js';
export {
  forecast,
  durationKey,
  expectedLength,
  stepCategory,
  NO_HISTORY,
  skipUnservedStep,
  type DurationModel,
  type Forecast,
  type VisitForecast,
  type CategoryForecast,
  type ProfessionalForecast,
} from './forecast.js';
export { runForward, professionalActor, type Behaviour, type Scheduled } from './forward.js';
export { groupSessions, groupCandidates, type GroupSession, type Participant } from './group-session.js';
export { groupBasis, groupView, type GroupBasis } from './group-view.js';
