/**
 * The device side of enrolment and of the device session, over the pinned
 * transport, with the protocol's own schemas (shared/src/api/devices.ts) where they fit:
 * - POST /api/enrolments {kind, hostname} → 201 {requestId, code, expiresAt}
 * - GET /api/enrolments/:requestId → 200 {status:'pending'} | {status:'approved', deviceToken, name, kind}
 *   (delivered once) | {status:'refused'}; 404 = expired or unknown
 * - POST /api/session {deviceToken} → 200 + Set-Cookie; 401 = token revoked
 */
import { EnrolmentStatus as EnrolmentAnswer } from '../../src/api/devices.js';
import { routePath } from '../../src/api/route-path.js';
import type { DeviceKind } from '../../src/domain/model.js';
import type { PinnedResponse, RequestOptions } from '../pinning/fetch-pinned.js';

/** The shells are the device kinds of the protocol. */
export type ShellKind = DeviceKind;

/** A request to the pinned server: path relative to its origin. */
export type Transport = (path: string, options?: RequestOptions) => Promise<PinnedResponse>;

export interface EnrolmentRequest {
  readonly requestId: string;
  readonly code: string;
  /** Epoch milliseconds (the server sends milliseconds; an ISO date is accepted too). */
  readonly expiresAt: number;
}

/** The protocol's answers, plus 'expired' for a 404 (unknown or expired request: start over). */
export type EnrolmentStatus = EnrolmentAnswer | { readonly status: 'expired' };

export type SessionResult =
  | {
      readonly status: 'open';
      readonly cookies: readonly SessionCookie[];
      /** The session token of the answer's body, for the shell's own checks (`GET /api/session`). */
      readonly sessionToken?: string;
    }
  | { readonly status: 'revoked' };

export interface SessionCookie {
  readonly name: string;
  readonly value: string;
  readonly path: string;
  readonly httpOnly: boolean;
  readonly secure: boolean;
  readonly sameSite: 'strict' | 'lax' | 'no_restriction';
  /** Seconds, when the server set Max-Age. */
  readonly maxAge?: number;
  /** Epoch milliseconds, when the server set Expires. */
  readonly expires?: number;
}

export class UnexpectedAnswerError extends Error {
  override readonly name = 'UnexpectedAnswerError';
  constructor(readonly detail: string) {
    super('Le serveur a répondu de façon inattendue : vérifiez que le poste et le serveur sont à jour.');
  }
}

function json(res: PinnedResponse, what: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(res.body);
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new UnexpectedAnswerError(`${what}: ${res.status} ${res.body.slice(0, 80)}`);
}

export async function startEnrolment(
  transport: Transport,
  kind: ShellKind,
  hostname: string,
): Promise<EnrolmentRequest> {
  const res = await transport(routePath('requestEnrolment'), {
    method: 'POST',
    json: { kind, hostname: enrolmentHostname(hostname) },
  });
  const body = json(res, 'POST /api/enrolments');
  const { requestId, code } = body;
  const expiresAt =
    typeof body.expiresAt === 'number'
      ? body.expiresAt
      : typeof body.expiresAt === 'string'
        ? Date.parse(body.expiresAt)
        : Number.NaN;
  if (
    res.status !== 201 ||
    typeof requestId !== 'string' ||
    typeof code !== 'string' ||
    !/^\d{6}$/.test(code) ||
    !Number.isFinite(expiresAt)
  ) {
    throw new UnexpectedAnswerError(`POST /api/enrolments: ${res.status}`);
  }
  return { requestId, code, expiresAt };
}

/**
 * The computer name as the server accepts it (letters, digits, space, dot,
 * dash, underscore; 64 characters at most), still recognisable by the administrator.
 */
export function enrolmentHostname(hostname: string): string {
  const cleaned = hostname
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} ._-]+/gu, '-')
    .trim()
    .slice(0, 64);
  return cleaned.length > 0 ? cleaned : 'poste';
}

export async function pollEnrolment(transport: Transport, requestId: string): Promise<EnrolmentStatus> {
  const res = await transport(routePath('enrolmentStatus', { requestId }));
  if (res.status === 404) return { status: 'expired' };
  const body = json(res, 'GET /api/enrolments/:id');
  if (res.status !== 200) throw new UnexpectedAnswerError(`GET /api/enrolments/:id: ${res.status}`);
  const answer = EnrolmentAnswer.safeParse(body);
  if (!answer.success) throw new UnexpectedAnswerError(`GET /api/enrolments/:id: ${String(body.status)}`);
  return answer.data;
}

export function parseSetCookie(header: string): SessionCookie | null {
  const [pair = '', ...attributes] = header.split(';').map((part) => part.trim());
  const eq = pair.indexOf('=');
  if (eq <= 0) return null;
  const cookie: { -readonly [K in keyof SessionCookie]: SessionCookie[K] } = {
    name: pair.slice(0, eq),
    value: pair.slice(eq + 1),
    path: '/',
    httpOnly: false,
    secure: false,
    sameSite: 'lax',
  };
  for (const attribute of attributes) {
    const [key = '', value = ''] = attribute.split('=');
    switch (key.toLowerCase()) {
      case 'path':
        cookie.path = value || '/';
        break;
      case 'httponly':
        cookie.httpOnly = true;
        break;
      case 'secure':
        cookie.secure = true;
        break;
      case 'samesite':
        cookie.sameSite =
          value.toLowerCase() === 'strict'
            ? 'strict'
            : value.toLowerCase() === 'none'
              ? 'no_restriction'
              : 'lax';
        break;
      case 'max-age':
        if (/^-?\d+$/.test(value)) cookie.maxAge = Number(value);
        break;
      case 'expires': {
        const when = Date.parse(attribute.slice(attribute.indexOf('=') + 1));
        if (Number.isFinite(when)) cookie.expires = when;
        break;
      }
    }
  }
  return cookie;
}

export async function openDeviceSession(transport: Transport, deviceToken: string): Promise<SessionResult> {
  const res = await transport(routePath('login'), { method: 'POST', json: { deviceToken } });
  if (res.status === 401) return { status: 'revoked' };
  if (res.status !== 200) throw new UnexpectedAnswerError(`POST /api/session: ${res.status}`);
  const raw = res.headers['set-cookie'];
  const headers = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  const cookies = headers.map(parseSetCookie).filter((cookie): cookie is SessionCookie => cookie !== null);
  let sessionToken: string | undefined;
  try {
    const body: unknown = JSON.parse(res.body);
    const token = (body as { token?: unknown } | null)?.token;
    if (typeof token === 'string' && token.length > 0) sessionToken = token;
  } catch {
    // A session without a readable body still works through its cookie.
  }
  return { status: 'open', cookies, ...(sessionToken !== undefined && { sessionToken }) };
}

/** "123456" → "123 456": easier to read across a room and to type. */
export const formatPairingCode = (code: string): string => `${code.slice(0, 3)} ${code.slice(3)}`;

export const pairingMessage = (code: string): string =>
  `Code d'appairage : ${formatPairingCode(code)} — à saisir dans Administration › Appareils`;
