/** Starts the real server in-process on a temp data dir with the demo centre, and logs people in. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionDto } from '@gfa/shared';
import { DEMO_DEVICE_TOKENS, DEMO_PASSWORD, seedDemo } from '../../../src/demo/seed-demo.js';
import { localDay } from '../../../src/calendar/local-time.js';
import { startServer, type RunningServer } from '../../../src/web/server.js';
import type { WsLimits } from '../../../src/web/ws-guards.js';
import { apiClient, type ApiClient } from './https-client.js';
import { connectWs, type TestSocket } from './ws-client.js';

export interface DemoServer {
  readonly server: RunningServer;
  readonly dataDir: string;
  readonly ca: string;
  login(login: string): Promise<ApiClient>;
  device(kind: 'kiosk' | 'display'): Promise<ApiClient>;
  /** The demo TV logged in and subscribed to the calls, as the display screen is. */
  connectDisplay(): Promise<TestSocket>;
  close(): Promise<void>;
}

/**
 * How far to move the real clock so that it reads 09:00 (local) now, on today's date. The demo
 * centre is seeded for its clock's day: a test that moves the clock on by minutes then never
 * crosses midnight (into a day with nothing in it), whatever the hour it runs at.
 */
export function toMorning(): number {
  const nine = new Date();
  nine.setHours(9, 0, 0, 0);
  return nine.getTime() - Date.now();
}

/**
 * 0, or minus an hour in the last hour before midnight: a test that moves the real clock on by
 * less than an hour then stays inside the demo's day, and runs unchanged at every other hour.
 */
export function clearOfMidnight(): number {
  const midnight = new Date();
  midnight.setHours(24, 0, 0, 0);
  return midnight.getTime() - Date.now() < 3_600_000 ? -3_600_000 : 0;
}

export async function startDemoServer(
  now: () => number = Date.now,
  wsLimits?: Partial<WsLimits>,
): Promise<DemoServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gfa-it-'));
  const server = await startServer({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    now,
    ...(wsLimits ? { wsLimits } : {}),
    seed: async (db, at) => {
      await seedDemo(db, localDay(at), at);
    },
  });
  const ca = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
  const clients: ApiClient[] = [];
  const open = async (body: object): Promise<ApiClient> => {
    const client = apiClient(server.url, ca);
    clients.push(client);
    const res = await client.call<SessionDto>('POST', '/api/session', body);
    if (res.status !== 200) throw new Error(`login failed: ${JSON.stringify(res.body)}`);
    client.token = res.body.token;
    return client;
  };
  return {
    server,
    dataDir,
    ca,
    login: (login) => open({ login, password: DEMO_PASSWORD }),
    device: (kind) => open({ deviceToken: DEMO_DEVICE_TOKENS[kind] }),
    connectDisplay: async () => {
      const display = await open({ deviceToken: DEMO_DEVICE_TOKENS.display });
      return connectWs(server.url, ca, { token: display.token ?? '', client: 'display' }, ['calls']);
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.close()));
      await server.close();
    },
  };
}
