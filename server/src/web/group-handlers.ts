/** The facilitator's group-session actions (rules Q-GROUP-*), answered with their refreshed workstation. */
import type { HandlerDeps, Handlers } from './handler-types.js';
import { deskView } from '../service/read-models.js';
import { ApiFailure, fromDomain } from './api-failure.js';
import { actorOf, requirePrincipal } from './principal-context.js';

export const createGroupHandlers = ({ service }: HandlerDeps): Pick<Handlers, 'groupAction'> => ({
  groupAction: (ctx) => {
    const principal = requirePrincipal(ctx);
    if (principal.kind !== 'user' || !principal.professionalId) {
      throw new ApiFailure('not_found', "Aucun poste de professionnel n'est associé à votre compte.");
    }
    const { professionalId } = principal;
    // One command: every participant's change and journal entry in one transaction (QueueService).
    const result = service.execute({ type: 'group', professionalId, action: ctx.body }, actorOf(principal));
    if (!result.ok) throw fromDomain(result.error);
    return deskView(service.state(), service.centre(), professionalId, service.now());
  },
});
