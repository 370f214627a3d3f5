import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  initialState,
  nextState,
  type ConnectionEvent,
  type ConnectionState,
} from '../connection/state.js';
import { viewOf } from '../connection/view.js';
import type { FoundServer } from '../discovery/types.js';

const origin = 'https://192.168.1.20:8443';
const run = (events: readonly ConnectionEvent[], from: ConnectionState = initialState) =>
  events.reduce(nextState, from);
const server = (name: string): FoundServer => ({
  name,
  host: 'h',
  addresses: [],
  port: 8443,
  site: 's',
  version: '1',
  protocolVersion: 1,
  fingerprint256: 'AB',
});

describe('connection state machine', () => {
  it('goes searching → enrolling → connecting → connected for a new device', () => {
    const phases = [
      { type: 'server-pinned', origin, enrolled: false },
      { type: 'enrolment-code', code: '123456' },
      { type: 'enrolled' },
      { type: 'page-loaded' },
    ] as const;
    let state = initialState;
    const seen = [state.phase];
    for (const event of phases) {
      state = nextState(state, event);
      seen.push(state.phase);
    }
    expect(seen).toEqual(['searching', 'enrolling', 'enrolling', 'connecting', 'connected']);
  });

  it('skips enrolment when a token is remembered', () => {
    expect(run([{ type: 'server-pinned', origin, enrolled: true }])).toEqual({ phase: 'connecting', origin });
  });

  it('reconnects with a growing, capped backoff and resets once the page loads', () => {
    const lost = run([
      { type: 'server-pinned', origin, enrolled: true },
      { type: 'page-loaded' },
      { type: 'connection-lost' },
    ]);
    expect(lost).toEqual({ phase: 'reconnecting', origin, attempt: 1, retryInMs: 1000 });
    const again = run([{ type: 'retry' }, { type: 'connection-lost' }, { type: 'connection-lost' }], lost);
    expect(again).toMatchObject({ attempt: 3, retryInMs: 4000 });
    expect(run([{ type: 'page-loaded' }], again)).toEqual({ phase: 'connected', origin });
    expect([1, 2, 3, 5, 6, 50].map((attempt) => backoffMs(attempt))).toEqual([
      1000, 2000, 4000, 16000, 30000, 30000,
    ]);
  });

  it('re-enrols after a revoked token, and retries after a refusal', () => {
    const connected: ConnectionState = { phase: 'connected', origin };
    expect(nextState(connected, { type: 'session-revoked' })).toEqual({ phase: 'enrolling', origin });
    const refused = run([{ type: 'enrolment-refused' }], { phase: 'enrolling', origin, code: '111111' });
    expect(refused).toEqual({ phase: 'refused', origin });
    expect(nextState(refused, { type: 'retry' })).toEqual({ phase: 'enrolling', origin });
  });

  it('blocks on a changed certificate until the administrator acts', () => {
    const blocked = nextState(
      { phase: 'connected', origin },
      { type: 'blocked', message: 'Le certificat du serveur a changé' },
    );
    expect(blocked.phase).toBe('blocked');
    expect(nextState(blocked, { type: 'connection-lost' })).toBe(blocked);
    expect(nextState(blocked, { type: 'page-loaded' })).toBe(blocked);
  });

  it('ignores events that do not belong to the current phase', () => {
    const connected: ConnectionState = { phase: 'connected', origin };
    expect(nextState(connected, { type: 'enrolment-code', code: '1' })).toBe(connected);
    expect(nextState(connected, { type: 'choice-needed', servers: [] })).toBe(connected);
    expect(nextState(initialState, { type: 'connection-lost' })).toBe(initialState);
  });
});

describe('what the shell shows', () => {
  const page = { keepPage: false, pageAlive: true };
  it('shows the pairing code full screen while enrolling', () => {
    expect(viewOf({ phase: 'enrolling', origin, code: '123456' }, page)).toEqual({
      show: 'fallback',
      view: {
        title: 'Code d’appairage',
        detail: 'À saisir dans Administration › Appareils',
        code: '123 456',
      },
    });
  });

  it('shows the server page only when connected, or while reconnecting for shells that keep a live page', () => {
    const reconnecting: ConnectionState = { phase: 'reconnecting', origin, attempt: 2, retryInMs: 2000 };
    expect(viewOf({ phase: 'connected', origin }, page)).toEqual({ show: 'page' });
    expect(viewOf(reconnecting, { keepPage: true, pageAlive: true })).toEqual({ show: 'page' });
    expect(viewOf(reconnecting, { keepPage: true, pageAlive: false })).toMatchObject({
      show: 'fallback',
      view: { title: 'Connexion au serveur perdue', detail: 'Nouvelle tentative dans 2 s (essai 2).' },
    });
    expect(viewOf(reconnecting, page).show).toBe('fallback');
  });

  it('lists servers to pick, asks for an address, shows a fingerprint to compare', () => {
    expect(viewOf({ phase: 'choosing', servers: [server('GFA A'), server('GFA B')] }, page)).toMatchObject({
      view: { servers: ['GFA A', 'GFA B'] },
    });
    expect(viewOf({ phase: 'typing-address' }, page)).toMatchObject({ view: { askAddress: true } });
    expect(viewOf({ phase: 'confirming', origin, fingerprint256: 'AB:CD' }, page)).toMatchObject({
      view: { fingerprint: 'AB:CD' },
    });
    expect(viewOf({ phase: 'searching' }, page)).toMatchObject({
      view: { title: 'Recherche du serveur GFA…' },
    });
  });
});
