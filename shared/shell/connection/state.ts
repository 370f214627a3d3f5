/**
 * The shell's connection life cycle, as a pure reducer. The runtime feeds it
 * events (mDNS, enrolment, session, page load, loss) and shows what
 * `viewOf` says; reconnection waits grow by `backoffMs`.
 *
 *   searching ─▶ (choosing | typing-address ─▶ confirming) ─▶ enrolling ─▶ connecting ─▶ connected
 *       ▲                                                       ▲  (401)      ▲            │
 *       └──────────────── reconnecting (backoff) ◀──────────────┴─────────────┴────────────┘
 */
import type { FoundServer } from '../discovery/types.js';

export type ConnectionState =
  | { readonly phase: 'searching'; readonly note?: string }
  | { readonly phase: 'choosing'; readonly servers: readonly FoundServer[] }
  | { readonly phase: 'typing-address'; readonly error?: string }
  | { readonly phase: 'confirming'; readonly origin: string; readonly fingerprint256: string }
  | { readonly phase: 'enrolling'; readonly origin: string; readonly code?: string }
  | { readonly phase: 'refused'; readonly origin: string }
  | { readonly phase: 'connecting'; readonly origin: string }
  | { readonly phase: 'connected'; readonly origin: string }
  | {
      readonly phase: 'reconnecting';
      readonly origin: string;
      readonly attempt: number;
      readonly retryInMs: number;
    }
  /** Needs the administrator: certificate changed, protocol mismatch. */
  | { readonly phase: 'blocked'; readonly message: string };

export type ConnectionEvent =
  | { readonly type: 'choice-needed'; readonly servers: readonly FoundServer[] }
  | { readonly type: 'address-needed'; readonly error?: string }
  | { readonly type: 'fingerprint-to-confirm'; readonly origin: string; readonly fingerprint256: string }
  | { readonly type: 'server-pinned'; readonly origin: string; readonly enrolled: boolean }
  | { readonly type: 'enrolment-code'; readonly code: string }
  | { readonly type: 'enrolment-refused' }
  | { readonly type: 'enrolled' }
  | { readonly type: 'session-revoked' }
  | { readonly type: 'page-loaded' }
  | { readonly type: 'connection-lost' }
  | { readonly type: 'retry' }
  | { readonly type: 'blocked'; readonly message: string }
  /** Start again from discovery (the user asked, or the remembered server was forgotten). */
  | { readonly type: 'search'; readonly note?: string };

export const initialState: ConnectionState = { phase: 'searching' };

/** 1 s, 2 s, 4 s … capped at 30 s: a server restart is seen quickly, a long outage does not flood. */
export function backoffMs(attempt: number, baseMs = 1_000, maxMs = 30_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

const originOf = (state: ConnectionState): string | undefined =>
  'origin' in state ? state.origin : undefined;

export function nextState(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  const origin = originOf(state);
  switch (event.type) {
    case 'search':
      return event.note === undefined ? { phase: 'searching' } : { phase: 'searching', note: event.note };
    case 'blocked':
      return { phase: 'blocked', message: event.message };
    case 'choice-needed':
      return state.phase === 'searching' || state.phase === 'choosing'
        ? { phase: 'choosing', servers: event.servers }
        : state;
    case 'address-needed':
      return event.error === undefined
        ? { phase: 'typing-address' }
        : { phase: 'typing-address', error: event.error };
    case 'fingerprint-to-confirm':
      return { phase: 'confirming', origin: event.origin, fingerprint256: event.fingerprint256 };
    case 'server-pinned':
      return event.enrolled
        ? { phase: 'connecting', origin: event.origin }
        : { phase: 'enrolling', origin: event.origin };
    case 'enrolment-code':
      return state.phase === 'enrolling' ? { ...state, code: event.code } : state;
    case 'enrolment-refused':
      return state.phase === 'enrolling' ? { phase: 'refused', origin: state.origin } : state;
    case 'enrolled':
      return state.phase === 'enrolling' ? { phase: 'connecting', origin: state.origin } : state;
    case 'session-revoked':
      return origin === undefined ? state : { phase: 'enrolling', origin };
    case 'page-loaded':
      return state.phase === 'connecting' || state.phase === 'reconnecting'
        ? { phase: 'connected', origin: state.origin }
        : state;
    case 'connection-lost': {
      if (state.phase === 'connected' || state.phase === 'connecting') {
        return { phase: 'reconnecting', origin: state.origin, attempt: 1, retryInMs: backoffMs(1) };
      }
      if (state.phase === 'reconnecting') {
        const attempt = state.attempt + 1;
        return { ...state, attempt, retryInMs: backoffMs(attempt) };
      }
      return state;
    }
    case 'retry':
      // Reconnecting keeps its attempt count until a page loads; 'connecting' from scratch otherwise.
      return state.phase === 'refused' ? { phase: 'enrolling', origin: state.origin } : state;
  }
}
