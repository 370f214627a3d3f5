/** The server's own routes: health and the OpenAPI document. */
import type { HandlerDeps, Handlers } from './handler-types.js';

export type ServerDeps = Pick<HandlerDeps, 'version' | 'openapi'>;

export const createServerHandlers = (deps: ServerDeps): Pick<Handlers, 'health' | 'openapi'> => ({
  health: () => ({ status: 'ok', version: deps.version }),
  openapi: () => deps.openapi,
});
