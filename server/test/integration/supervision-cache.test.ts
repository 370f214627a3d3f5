/**
 * The supervision board is cached per commit and per clock minute
 * (`server/src/web/supervision-board.ts`): every answer must equal a board
 * computed from scratch — the journal read again through a second connection
 * to the database file — at the same instant, after commits, acknowledgements
 * and the clock moving on. The forecast behind predictive alerts is throttled
 * by design; the fresh side uses its own forecast cache asked at the same
 * instants, so both hold the same forecast.
 */
import { gunzipSync } from 'node:zlib';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CheckinResponse, SupervisionDto } from '@gfa/shared';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { CENTRE_DISPATCHER } from '../../src/service/dispatcher.js';
import { ForecastCache } from '../../src/supervision/forecast-cache.js';
import { boardInstant, computeBoard } from '../../src/web/supervision-board.js';
import { startDemoServer, toMorning, type DemoServer } from './support/demo-server.js';
import type { ApiClient } from './support/https-client.js';

const MINUTE = 60_000;
// 09:00 today: the 45 minutes this test moves on stay inside the demo's day.
let now = boardInstant(Date.now() + toMorning()) + 20_000;
let demo: DemoServer;
let second: OpenDatabase;
let virginie: ApiClient;
let forecasts: ForecastCache;

/** The board as JSON carries it, computed from scratch at the current minute. */
const fresh = (): SupervisionDto => {
  const { service } = demo.server;
  const at = boardInstant(now);
  const forecast = forecasts.get(service.state(), service.centre(), at);
  return JSON.parse(JSON.stringify(computeBoard(second.db, service, at, forecast))) as SupervisionDto;
};
const served = async (): Promise<SupervisionDto> => {
  const res = await virginie.call<SupervisionDto>('GET', '/api/supervision');
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  demo = await startDemoServer(() => now);
  second = openDatabase(databaseFile(demo.dataDir));
  forecasts = new ForecastCache(second.db, CENTRE_DISPATCHER);
  virginie = await demo.login('virginie');
});
afterAll(async () => {
  second.close();
  await demo.close();
});

describe('supervision board cached per commit and per minute', () => {
  it('answers what a fresh computation gives, before and after commits, acknowledgements and minutes', async () => {
    const first = await served();
    expect(first).toEqual(fresh());
    expect(first.at).toBe(boardInstant(now));

    // Same minute, nothing committed: the same board.
    now += 10_000;
    expect(await served()).toEqual(first);

    // A check-in and a call commit: the cached board must not be served any more.
    const kiosk = await demo.device('kiosk');
    const checkin = await kiosk.call<CheckinResponse>('POST', '/api/checkin', {
      idempotencyKey: 'cache-0001',
      by: { kind: 'reference', reference: 'RDV-0001' },
    });
    const visitId = checkin.body.outcome === 'recognised' ? checkin.body.visitId : '';
    const christelle = await demo.login('christelle');
    expect((await christelle.call('POST', `/api/visits/${visitId}/actions`, { type: 'call' })).status).toBe(
      200,
    );
    const afterCall = await served();
    expect(afterCall).toEqual(fresh());
    expect(afterCall).not.toEqual(first);
    expect(afterCall.consultants.find((c) => c.visitId === visitId)?.status).toBe('in_journey');

    // The clock moves on with no commit: figures at the new minute (waits grow, alerts rise).
    now += 45 * MINUTE;
    const later = await served();
    expect(later).toEqual(fresh());
    expect(later.at).toBe(afterCall.at + 45 * MINUTE);
    const alert = later.alerts[0];
    expect(alert).toBeDefined();

    // An acknowledgement is a journal commit too.
    const ack = await virginie.call('POST', '/api/supervision/acknowledgements', { key: alert?.key });
    expect(ack.status).toBe(200);
    const acknowledged = await served();
    expect(acknowledged).toEqual(fresh());
    expect(acknowledged.alerts.find((a) => a.key === alert?.key)?.acknowledged).toBe(true);
  });

  it('serialises a board once, however many screens refresh it', async () => {
    now += MINUTE;
    const first = await served();
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const boards = await Promise.all(Array.from({ length: 25 }, () => served()));
      for (const board of boards) expect(board).toEqual(first);
      const ofBoard = stringify.mock.calls.filter(
        ([value]) => (value as SupervisionDto | null)?.at === first.at,
      );
      expect(ofBoard).toEqual([]);
    } finally {
      stringify.mockRestore();
    }
  });
});

describe('the board on the wire', () => {
  const get = async (acceptEncoding: string | null) => {
    const res = await request(`${demo.server.url}/api/supervision`, {
      headers: {
        authorization: `Bearer ${virginie.token ?? ''}`,
        ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
      },
      dispatcher: new Agent({ connect: { ca: demo.ca } }),
    });
    return { headers: res.headers, bytes: Buffer.from(await res.body.arrayBuffer()) };
  };

  it('goes gzipped to a screen that accepts it, and as plain JSON to one that does not', async () => {
    const chromium = await get('gzip, deflate, br, zstd');
    expect(chromium.headers['content-encoding']).toBe('gzip');
    expect(chromium.headers.vary).toContain('accept-encoding');
    const board = JSON.parse(gunzipSync(chromium.bytes).toString('utf8')) as SupervisionDto;
    expect(board).toEqual(await served());
    expect(chromium.bytes.length * 3).toBeLessThan(JSON.stringify(board).length);

    for (const refusing of [null, 'identity', 'gzip;q=0, br']) {
      const plain = await get(refusing);
      expect(plain.headers['content-encoding'], String(refusing)).toBeUndefined();
      expect(JSON.parse(plain.bytes.toString('utf8'))).toEqual(board);
    }
  });
});
