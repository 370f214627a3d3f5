/** Finds the caller behind a request: bearer token (shells) or HttpOnly cookie (browsers). */
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '@gfa/shared';
import type { Actor } from '../domain/index.js';
import { ApiFailure } from './api-failure.js';

export const SESSION_COOKIE = 'gfa_session';

export function tokenFrom(
  headers: IncomingHttpHeaders,
  cookies: Record<string, string | undefined>,
): string | null {
  const auth = headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice('Bearer '.length).trim() || null;
  return cookies[SESSION_COOKIE] ?? null;
}

export function actorOf(principal: Principal): Actor {
  return principal.kind === 'user'
    ? {
        ref: { kind: 'user', id: principal.id },
        roles: principal.roles,
        professionalId: principal.professionalId,
      }
    : { ref: { kind: 'device', id: principal.id }, roles: [], professionalId: null };
}

/** The route table already refused anonymous callers; this narrows the type for handlers. */
export function requirePrincipal(ctx: { principal: Principal | null }): Principal {
  if (!ctx.principal) throw new ApiFailure('unauthenticated', 'Connexion requise.');
  return ctx.principal;
}

/** The professional behind a staff request, for the routes of "Mon poste". */
export function professionalOf(principal: Principal): string {
  if (principal.kind !== 'user' || !principal.professionalId) {
    // Not a rights problem (the route is open to staff): this account simply has no desk.
    throw new ApiFailure('not_found', "Aucun poste de professionnel n'est associé à votre compte.");
  }
  return principal.professionalId;
}
