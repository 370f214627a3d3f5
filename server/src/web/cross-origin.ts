/**
 * Requests that change something must come from a page of this server. The session cookie is
 * SameSite=Strict, but "site" ignores the port: a page served by another program on the same box
 * or domain (another port) is same-site and would ride an administrator's cookie. Browsers say
 * where a request comes from (Sec-Fetch-Site, Origin); either one pointing elsewhere is refused.
 * Clients that are not browsers (shells' own requests, the CLI, tests) send neither and are
 * judged by their token as before.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiFailure } from './api-failure.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function fromThisOrigin(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).origin === new URL(`https://${request.headers.host ?? ''}`).origin;
  } catch {
    return false;
  }
}

export function refuseCrossOriginWrites(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || fromThisOrigin(request)) return;
    request.log.warn(
      { origin: request.headers.origin, site: request.headers['sec-fetch-site'] },
      'cross-origin write refused',
    );
    throw new ApiFailure('forbidden', 'Requête refusée : elle ne vient pas d’une page de ce serveur.');
  });
}
