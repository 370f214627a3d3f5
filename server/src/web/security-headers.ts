/**
 * Strict security headers on every response (pages, API, media) with
 * @fastify/helmet, and the WebSocket origin check: pages are served by the
 * queue server itself, so nothing else may script them, frame them, or open
 * a socket from another origin with a staff member's cookie.
 */
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';

export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  // The screens are Vite bundles: no inline script, no eval.
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  // Prevention videos play from the display's cache as blob: URLs.
  mediaSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  // API answers carry names and health-centre data: no browser or proxy keeps a copy.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
}

/**
 * A browser always sends Origin on a WebSocket: it must be this server (shells load pages from it too),
 * scheme included: a plain-http page on the same host and port is another origin.
 */
export function sameOriginUpgrade(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (!origin) return true; // not a browser (a test peer, the bench): the token still decides
  try {
    const url = new URL(origin);
    return url.protocol === 'https:' && url.host === request.headers.host;
  } catch {
    return false;
  }
}
