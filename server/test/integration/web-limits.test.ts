/**
 * Issue 13, item 10 (the REST and TLS part), on a real server: a new password ends the account's
 * other sessions; a kiosk cannot try birth dates out; API answers are never cached; TLS 1.2 only
 * with AEAD suites (checked with openssl, an independent client); a same-site page on another
 * port cannot make a logged-in browser change anything.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import type { AdminUser, ApiErrorBody, SessionDto } from '@gfa/shared';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.js';
import { apiClient, type ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';

let demo: DemoServer;
let admin: ApiClient;
beforeAll(async () => {
  demo = await startDemoServer();
  admin = await demo.login('admin');
});
afterAll(() => demo.close());

describe('sessions', () => {
  it('a new password ends every other session of the account', async () => {
    const desk = await demo.login('luc');
    const laptop = await demo.login('luc');
    const luc = (await admin.call<{ users: AdminUser[] }>('GET', '/api/admin/users')).body.users.find(
      (u) => u.login === 'luc',
    ) as AdminUser;
    const { id, ...fields } = luc;
    const saved = await admin.call('PUT', `/api/admin/users/${id}`, {
      ...fields,
      password: 'Nouveau-mdp-2026',
    });
    expect(saved.status).toBe(200);
    expect((await desk.call('GET', '/api/visits')).status).toBe(401);
    expect((await laptop.call('GET', '/api/visits')).status).toBe(401);
    // The administrator's own session goes on; changing their own password keeps the session asking.
    expect((await admin.call('GET', '/api/visits')).status).toBe(200);
    const self = (await admin.call<{ users: AdminUser[] }>('GET', '/api/admin/users')).body.users.find(
      (u) => u.login === 'admin',
    ) as AdminUser;
    const other = await demo.login('admin');
    const { id: selfId, ...own } = self;
    expect(
      (await admin.call('PUT', `/api/admin/users/${selfId}`, { ...own, password: 'Autre-mdp-2026!' })).status,
    ).toBe(200);
    expect((await admin.call('GET', '/api/visits')).status).toBe(200);
    expect((await other.call('GET', '/api/visits')).status).toBe(401);
  });
});

describe('kiosk check-in', () => {
  it('ten unrecognised check-ins a minute per kiosk, then it sends everyone to reception', async () => {
    const kiosk = await demo.device('kiosk');
    const statuses: number[] = [];
    for (let day = 1; day <= 25; day += 1) {
      const res = await kiosk.call<ApiErrorBody>('POST', '/api/checkin', {
        idempotencyKey: randomUUID(),
        by: { kind: 'identity', lastName: 'Martin', birthDate: `1961-01-${String(day).padStart(2, '0')}` },
      });
      statuses.push(res.status);
      if (res.status === 429)
        expect(res.body.error.message).toBe(
          'Trop d’essais sur cette borne : merci de vous présenter à l’accueil.',
        );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses.slice(10)).toEqual(Array(15).fill(429));
    // Reception (staff) is not held back by the kiosk's lock.
    const reception = await demo.login('sophie');
    const res = await reception.call('POST', '/api/checkin', {
      idempotencyKey: randomUUID(),
      by: { kind: 'identity', lastName: 'Martin', birthDate: '1961-02-01' },
    });
    expect(res.status).toBe(200);
  });
});

describe('caching', () => {
  it('every API answer says no-store, the login included', async () => {
    const c = apiClient(demo.server.url, demo.ca);
    await c.call('POST', '/api/session', { login: 'sophie', password: DEMO_PASSWORD });
    expect(c.lastHeaders['cache-control']).toBe('no-store');
    await admin.call('GET', '/api/visits');
    expect(admin.lastHeaders['cache-control']).toBe('no-store');
    await admin.call('GET', '/api/nulle-part');
    expect(admin.lastHeaders['cache-control']).toBe('no-store');
    await c.close();
  });
});

describe('TLS', () => {
  /** openssl's exit status: 0 when the handshake succeeded (async: the server runs in this process). */
  const handshake = (...args: string[]): Promise<number | null> => {
    const child = spawn('openssl', ['s_client', '-connect', `127.0.0.1:${demo.server.port}`, ...args], {
      stdio: ['pipe', 'ignore', 'ignore'],
    });
    child.stdin.end();
    return new Promise((done) => child.once('exit', (code) => done(code)));
  };

  it('accepts TLS 1.3 and TLS 1.2 AEAD suites only: no CBC, no CCM8, nothing older', async () => {
    expect(await handshake('-tls1_3')).toBe(0);
    expect(await handshake('-tls1_2', '-cipher', 'ECDHE+AESGCM:ECDHE+CHACHA20')).toBe(0);
    const cbc =
      'AES128-SHA:AES256-SHA:AES128-SHA256:AES256-SHA256:ECDHE-RSA-AES128-SHA:ECDHE-RSA-AES256-SHA:ECDHE-RSA-AES128-SHA256:ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES128-SHA:ECDHE-ECDSA-AES256-SHA:ECDHE-ECDSA-AES128-SHA256:ECDHE-ECDSA-AES256-SHA384';
    expect(await handshake('-tls1_2', '-cipher', cbc)).not.toBe(0);
    expect(await handshake('-tls1_2', '-cipher', 'AES128-GCM-SHA256:AES256-GCM-SHA384')).not.toBe(0);
    expect(await handshake('-tls1_2', '-cipher', 'AESCCM8:AESCCM')).not.toBe(0);
    expect(await handshake('-tls1_3', '-ciphersuites', 'TLS_AES_128_CCM_8_SHA256')).not.toBe(0);
  });
});

describe('cross-origin writes', () => {
  const dispatcher = () => new Agent({ connect: { ca: demo.ca } });
  const post = async (path: string, body: unknown, headers: Record<string, string>, token?: string) => {
    const agent = dispatcher();
    try {
      const res = await request(`${demo.server.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify(body),
        dispatcher: agent,
      });
      await res.body.text();
      return res.statusCode;
    } finally {
      await agent.close();
    }
  };
  const own = () => `https://127.0.0.1:${demo.server.port}`;

  it('a page on another port of the same host is refused, the server’s own pages are not', async () => {
    const login = { login: 'sophie', password: DEMO_PASSWORD };
    const otherPort = `https://127.0.0.1:${demo.server.port + 1}`;
    expect(await post('/api/session', login, { origin: otherPort, 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(await post('/api/session', login, { 'sec-fetch-site': 'same-site' })).toBe(403);
    expect(await post('/api/session', login, { 'sec-fetch-site': 'cross-site' })).toBe(403);
    expect(await post('/api/session', login, { origin: otherPort })).toBe(403);
    expect(await post('/api/session', login, { origin: own().replace('https', 'http') })).toBe(403);
    const token = (admin.token as string) || '';
    const action = await post('/api/sessions/nothing', {}, { origin: otherPort }, token);
    expect(action).toBe(403);
    // The screens (same origin) and clients that are not browsers (no such headers) go through.
    expect(await post('/api/session', login, { origin: own(), 'sec-fetch-site': 'same-origin' })).toBe(200);
    expect(await post('/api/session', login, {})).toBe(200);
    const session = await apiClient(demo.server.url, demo.ca).call<SessionDto>('POST', '/api/session', login);
    expect(session.status).toBe(200);
  });
});
