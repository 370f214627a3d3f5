/**
 * Puts the handler areas together into the one handler table, checking at
 * start that every route of the shared route table has exactly one area: a
 * route claimed twice would otherwise be answered by whichever area was
 * spread last, silently.
 */
import { routes, type RouteId } from '@gfa/shared';
import type { Handlers } from './handler-types.js';

/** The routes the areas claim, as a union. */
type Claimed<A> = { [K in keyof A]: keyof A[K] }[keyof A];
/** Compiles only when the areas cover the whole route table. */
type Covering<A> = [Exclude<RouteId, Claimed<A>>] extends [never]
  ? unknown
  : { readonly unclaimedRoutes: Exclude<RouteId, Claimed<A>> };

export function assembleHandlers<A extends Record<string, Partial<Handlers>>>(
  areas: A & Covering<A>,
): Handlers {
  const owners = new Map<string, string>();
  const table: Record<string, unknown> = {};
  for (const [area, handlers] of Object.entries(areas as Record<string, Partial<Handlers>>)) {
    for (const [route, handler] of Object.entries(handlers)) {
      const owner = owners.get(route);
      if (owner)
        throw new Error(`route "${route}" is claimed by two handler areas: "${owner}" and "${area}"`);
      if (!(route in routes))
        throw new Error(`handler area "${area}" claims "${route}", not in the route table`);
      owners.set(route, area);
      table[route] = handler;
    }
  }
  const unclaimed = Object.keys(routes).filter((route) => !owners.has(route));
  if (unclaimed.length > 0) throw new Error(`routes without a handler area: ${unclaimed.join(', ')}`);
  return table as Handlers;
}
