/**
 * The one place that chooses the centre's dispatcher (Q-DISPATCH-1): the
 * engine's offers, "call next" and the workstation's queue order all use it,
 * so what a professional sees is what they will be given.
 */
import { journeyAwareDispatcher, type Dispatcher } from '../domain/index.js';

export const CENTRE_DISPATCHER: Dispatcher = journeyAwareDispatcher;
