/** The tender's catalogue, offered to the first administrator of a fresh install and applied in one step. */
import { CatalogueRefused, applyCatalogue, catalogueOffer } from '../catalogue/apply-catalogue.js';
import { ApiFailure } from './api-failure.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

export type CatalogueDeps = Pick<HandlerDeps, 'db' | 'service'>;

export function createCatalogueHandlers(
  deps: CatalogueDeps,
): Pick<Handlers, 'catalogueOffer' | 'applyCatalogue'> {
  const { db, service } = deps;
  return {
    catalogueOffer: () => catalogueOffer(db),
    applyCatalogue: (ctx) => {
      try {
        applyCatalogue(db, ctx.body, actorOf(requirePrincipal(ctx)).ref, service.now());
      } catch (error) {
        if (error instanceof CatalogueRefused) throw new ApiFailure('bad_request', error.message);
        throw error;
      }
      return catalogueOffer(db);
    },
  };
}
