/**
 * The edges of the API: the whole routes × roles matrix, bad input (typed 4xx
 * in French, nothing written), WS version/rights/resume rules, OpenAPI.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Agent, request } from 'undici';
import WebSocket from 'ws';
import {
  PROTOCOL_VERSION,
  WS_CLOSE,
  principalHasAccess,
  routes,
  type ApiErrorBody,
  type Principal,
  type RouteSpec,
} from '@gfa/shared';
import { lastSeq } from '../../src/db/journal-store.js';
import { openDatabase, databaseFile } from '../../src/db/database.js';
import type { ApiClient } from './support/https-client.js';
import { apiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { connectWs } from './support/ws-client.js';

let demo: DemoServer;
const who: Record<string, { client: ApiClient; principal: Principal | null }> = {};

beforeAll(async () => {
  demo = await startDemoServer();
  const principalOf = async (client: ApiClient): Promise<Principal> =>
    ((await client.call<{ principal: Principal }>('GET', '/api/session')).body as { principal: Principal })
      .principal;
  const anonymous = apiClient(demo.server.url, demo.ca);
  who.anonymous = { client: anonymous, principal: null };
  for (const [name, open] of [
    ['kiosk', () => demo.device('kiosk')],
    ['display', () => demo.device('display')],
    ['user', () => demo.login('carole')],
    ['supervisor', () => demo.login('virginie')],
    ['administrator', () => demo.login('admin')],
  ] as const) {
    const client = await open();
    who[name] = { client, principal: await principalOf(client) };
  }
});

afterAll(async () => {
  await who.anonymous?.client.close();
  await demo.close();
});

const journalSeq = (): number => {
  const db = openDatabase(databaseFile(demo.dataDir));
  try {
    return lastSeq(db.db);
  } finally {
    db.close();
  }
};

describe('routes × roles', () => {
  const table = Object.entries(routes) as [string, RouteSpec][];
  // Logouts would end the sessions the rest of the matrix uses: they have their own tests.
  const ending = new Set(['login', 'logout', 'logoutEverywhere']);
  for (const [id, spec] of table.filter(([id]) => !ending.has(id))) {
    for (const role of ['anonymous', 'kiosk', 'display', 'user', 'supervisor', 'administrator']) {
      it(`${spec.method} ${spec.path} as ${role}`, async () => {
        const { client, principal } = who[role] as (typeof who)[string];
        const path = spec.path.replace(':id', 'unknown-visit');
        const res = await client.call<ApiErrorBody>(spec.method, path, spec.body ? {} : undefined);
        expect(res.status).toBeLessThan(500);
        if (principalHasAccess(principal, spec.access)) {
          expect([401, 403], `${id} should be open to ${role}`).not.toContain(res.status);
        } else {
          expect(res.status).toBe(principal ? 403 : 401);
          expect(res.body.error.message).toMatch(/Connexion requise|droits/);
        }
      });
    }
  }
});

describe('bad input', () => {
  it('unknown visit → 404 in French, nothing written', async () => {
    const before = journalSeq();
    const res = await who.user?.client.call<ApiErrorBody>('POST', '/api/visits/nope/actions', {
      type: 'start',
    });
    expect(res?.status).toBe(404);
    expect(res?.body.error).toEqual({ code: 'not_found', message: 'Consultant introuvable.' });
    expect(journalSeq()).toBe(before);
  });

  it('wrong state → 409 in French, nothing written', async () => {
    const visits = await who.user?.client.call<{ visits: { id: string; state: string }[] }>(
      'GET',
      '/api/visits',
    );
    const expected = visits?.body.visits.find((v) => v.state === 'expected');
    const before = journalSeq();
    const res = await who.user?.client.call<ApiErrorBody>('POST', `/api/visits/${expected?.id}/actions`, {
      type: 'finish',
    });
    expect(res?.status).toBe(409);
    expect(res?.body.error.code).toBe('invalid_state');
    expect(res?.body.error.message).toContain('Action impossible');
    expect(journalSeq()).toBe(before);
  });

  it('malformed JSON, wrong shapes and unknown actions → 400 in French', async () => {
    const dispatcher = new Agent({ connect: { ca: demo.ca } });
    const raw = await request(`${demo.server.url}/api/checkin`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${who.kiosk?.client.token}` },
      body: '{"idempotencyKey": ',
      dispatcher,
    });
    expect(raw.statusCode).toBe(400);
    expect(((await raw.body.json()) as ApiErrorBody).error.code).toBe('bad_request');
    await dispatcher.close();
    const shapes = [
      [
        '/api/checkin',
        { idempotencyKey: 'abcdefgh', by: { kind: 'identity', lastName: 'X', birthDate: '12/04/1961' } },
      ],
      ['/api/visits/x/actions', { type: 'teleport' }],
      ['/api/visits/x/actions', { type: 'away', reason: 'plage' }],
      ['/api/desk/presence', { state: 'sleeping' }],
    ] as const;
    for (const [path, body] of shapes) {
      const client = path === '/api/checkin' ? who.kiosk?.client : who.user?.client;
      const res = await client?.call<ApiErrorBody>('POST', path, body);
      expect(res?.status, path).toBe(400);
      expect(res?.body.error.message).toMatch(/^Requête invalide/);
    }
  });

  it('oversized payload → 413, nothing written', async () => {
    const before = journalSeq();
    const res = await who.user?.client.call<ApiErrorBody>('POST', '/api/visits/x/actions', {
      type: 'note',
      text: 'x'.repeat(400 * 1024),
    });
    expect(res?.status).toBe(413);
    expect(res?.body.error).toEqual({ code: 'payload_too_large', message: 'Requête trop volumineuse.' });
    expect(journalSeq()).toBe(before);
  });

  it('wrong password → 401 generic French message, journaled without the password', async () => {
    const client = apiClient(demo.server.url, demo.ca);
    const res = await client.call<ApiErrorBody>('POST', '/api/session', {
      login: 'carole',
      password: 'wrong-pass',
    });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('Identifiant ou mot de passe incorrect.');
    await client.close();
  });

  it('unknown person at the kiosk → reception, and the same key never checks in twice', async () => {
    const reception = await connectWs(demo.server.url, demo.ca, { token: who.user?.client.token ?? '' }, [
      'reception',
    ]);
    const body = {
      idempotencyKey: 'contract-0001',
      by: { kind: 'identity', lastName: 'Inconnu', birthDate: '1970-01-01' },
    };
    const res = await who.kiosk?.client.call<{ outcome: string; instruction: { headline: string } }>(
      'POST',
      '/api/checkin',
      body,
    );
    expect(res?.body).toMatchObject({
      outcome: 'reception',
      instruction: { headline: "Merci de vous présenter à l'accueil" },
    });
    await reception.waitFor((m) => m.type === 'event' && m.payload.kind === 'reception.alert');
    const byRef = { idempotencyKey: 'contract-0002', by: { kind: 'reference', reference: 'RDV-0002' } };
    const one = await who.kiosk?.client.call('POST', '/api/checkin', byRef);
    const seq = journalSeq();
    const two = await who.kiosk?.client.call('POST', '/api/checkin', byRef);
    expect(two?.body).toEqual(one?.body);
    expect(journalSeq()).toBe(seq);
    reception.close();
  });
});

describe('WebSocket rules', () => {
  it.each([
    ['older', PROTOCOL_VERSION - 1, WS_CLOSE.clientTooOld],
    ['newer', 999, WS_CLOSE.serverTooOld],
  ] as const)(
    'a client %s than the server is closed with its own typed reason',
    async (_, version, close) => {
      const ws = await connectWs(demo.server.url, demo.ca, {
        token: who.user?.client.token ?? '',
        protocolVersion: version,
      });
      expect(await ws.closed).toEqual({ code: close.code, reason: close.reason });
    },
  );

  it('no valid token → closed as unauthenticated', async () => {
    const ws = await connectWs(demo.server.url, demo.ca, { token: 'not-a-token' });
    expect((await ws.closed).code).toBe(WS_CLOSE.unauthenticated.code);
  });

  it('a display may not subscribe to the visits (names) topic', async () => {
    const direct = new WebSocket(`${demo.server.url.replace('https', 'wss')}/ws`, { ca: demo.ca });
    await new Promise((resolve) => direct.once('open', resolve));
    const token = who.display?.client.token;
    direct.send(
      JSON.stringify({
        type: 'hello',
        protocolVersion: PROTOCOL_VERSION,
        client: 'display',
        lastSeq: null,
        token,
      }),
    );
    direct.send(JSON.stringify({ type: 'subscribe', topics: ['visits'] }));
    const code = await new Promise<number>((resolve) => direct.once('close', (c) => resolve(c)));
    expect(code).toBe(WS_CLOSE.forbidden.code);
  });

  it('a supervisor gets the board snapshot; a user may not', async () => {
    const board = await connectWs(demo.server.url, demo.ca, { token: who.supervisor?.client.token ?? '' }, [
      'board',
    ]);
    const snap = await board.waitFor((m) => m.type === 'snapshot');
    expect(
      snap.type === 'snapshot' && snap.data.topic === 'board' && snap.data.board.visits.length,
    ).toBeGreaterThanOrEqual(80);
    board.close();
    const res = await who.user?.client.call('GET', '/api/board');
    expect(res?.status).toBe(403);
  });
});

describe('display settings', () => {
  it('only an administrator changes them; the change is journaled with before/after and pushed live', async () => {
    const display = await connectWs(
      demo.server.url,
      demo.ca,
      { token: who.display?.client.token ?? '', client: 'display' },
      ['config'],
    );
    const refused = await who.supervisor?.client.call('PUT', '/api/settings/display', {
      speech: true,
      nameFormat: 'civility',
    });
    expect(refused?.status).toBe(403);
    const before = journalSeq();
    const saved = await who.administrator?.client.call('PUT', '/api/settings/display', {
      speech: true,
      nameFormat: 'civility',
    });
    expect(saved?.body).toEqual({ speech: true, nameFormat: 'civility' });
    await display.waitFor((m) => m.type === 'event' && m.payload.kind === 'config.changed');
    expect((await who.display?.client.call('GET', '/api/settings/display'))?.body).toEqual({
      speech: true,
      nameFormat: 'civility',
    });
    const db = openDatabase(databaseFile(demo.dataDir));
    try {
      const row = db.sqlite.prepare('select type, data from events where seq > ?').get(before) as {
        type: string;
        data: string;
      };
      expect(row.type).toBe('config.changed');
      expect(JSON.parse(row.data)).toEqual({
        subject: 'display-settings',
        before: { speech: false, nameFormat: 'civility' },
        after: { speech: true, nameFormat: 'civility' },
      });
    } finally {
      db.close();
    }
    display.close();
  });
});

describe('OpenAPI', () => {
  it('is served at /api/openapi.json with every route', async () => {
    const res = await who.anonymous?.client.call<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/api/openapi.json',
    );
    expect(res?.status).toBe(200);
    expect(res?.body.openapi).toBe('3.1.0');
    expect(Object.keys(res?.body.paths ?? {})).toContain('/api/visits/{id}/actions');
  });
});
