/**
 * Issue 13, item 3: the lockout holds against parallel guesses (each attempt is
 * reserved before the password hash is checked) and across a restart (failure
 * counters and the TOTP replay guard live in SQLite, not in memory).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { LoginResponse, SessionDto, TotpSetup } from '@gfa/shared';
import { DEMO_DEVICE_TOKENS, DEMO_PASSWORD, seedDemo } from '../../src/demo/seed-demo.js';
import { localDay } from '../../src/calendar/local-time.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { apiClient, type ApiClient } from './support/https-client.js';

const oathtool = (secret: string, at: number): string =>
  execFileSync('oathtool', ['--totp', '-b', `--now=@${Math.floor(at / 1000)}`, secret], {
    encoding: 'utf8',
  }).trim();

const clock = Date.now();
const dataDir = mkdtempSync(join(tmpdir(), 'gfa-lockout-'));
let server: RunningServer | null = null;
const clients: ApiClient[] = [];

/** Starts (or restarts) the server on the same data directory; the demo centre only the first time. */
async function start(): Promise<RunningServer> {
  const first = server === null;
  server = await startServer({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    now: () => clock,
    seed: first ? (db, at) => seedDemo(db, localDay(at), at).then(() => undefined) : undefined,
  });
  return server;
}
async function restart(): Promise<RunningServer> {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await server?.close();
  return start();
}
function client(token: string | null = null): ApiClient {
  const c = apiClient((server as RunningServer).url, readFileSync(join(dataDir, 'ca.pem'), 'utf8'), token);
  clients.push(c);
  return c;
}
const login = (c: ApiClient, who: string, password: string) =>
  c.call<LoginResponse & { error?: { message: string } }>('POST', '/api/session', { login: who, password });

afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
});
afterAll(async () => {
  await server?.close();
});

describe('lockout against parallel guesses', () => {
  it('31 wrong passwords sent at once are five failures, the rest refused; the right one is then refused', async () => {
    await start();
    const statuses = await Promise.all(
      Array.from({ length: 31 }, (_, i) => login(client(), 'luc', `mauvais-${i}`).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(26);
    const right = await login(client(), 'luc', DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error?.message).toBe('Trop de tentatives : réessayez dans une minute.');
  });

  it('the failures survive a restart', async () => {
    await restart();
    expect((await login(client(), 'luc', DEMO_PASSWORD)).status).toBe(429);
    // Another account from the same address is not locked by luc's failures.
    expect((await login(client(), 'sophie', DEMO_PASSWORD)).status).toBe(200);
  });

  it('the kiosk exit code: 20 guesses at once, then the right code, is locked — also after a restart', async () => {
    const admin = client();
    admin.token = ((await login(admin, 'admin', DEMO_PASSWORD)).body as SessionDto).token;
    expect((await admin.call('PUT', '/api/admin/kiosk-exit-code', { code: '482915' })).status).toBe(200);
    const kiosk = client();
    kiosk.token = (
      await kiosk.call<SessionDto>('POST', '/api/session', { deviceToken: DEMO_DEVICE_TOKENS.kiosk })
    ).body.token;
    const exit = async (code: string) =>
      (await kiosk.call<{ verdict: string }>('POST', '/api/kiosk/exit', { code })).body.verdict;
    const verdicts = await Promise.all(Array.from({ length: 20 }, (_, i) => exit(String(100000 + i))));
    expect(verdicts.filter((v) => v === 'wrong-code').length).toBeLessThanOrEqual(4);
    expect(verdicts.filter((v) => v === 'exit')).toHaveLength(0);
    expect(await exit('482915')).toBe('locked');
    const token = kiosk.token;
    await restart();
    expect(
      (await client(token).call<{ verdict: string }>('POST', '/api/kiosk/exit', { code: '482915' })).body
        .verdict,
    ).toBe('locked');
  });

  it('a TOTP code used once stays used after a restart', async () => {
    const c = client();
    c.token = ((await login(c, 'sophie', DEMO_PASSWORD)).body as SessionDto).token;
    const setup = (await c.call<TotpSetup>('POST', '/api/account/totp')).body;
    const code = oathtool(setup.secret, clock);
    const confirmed = await c.call('PUT', '/api/account/totp', { challenge: setup.challenge, code });
    expect(confirmed.status).toBe(200);
    await restart();
    const step = await login(client(), 'sophie', DEMO_PASSWORD);
    expect(step.body).toMatchObject({ next: 'totp' });
    const { challenge } = step.body as { challenge: string };
    const replayed = await client().call('POST', '/api/session/second-factor', { challenge, code });
    expect(replayed.status).toBe(401);
  });
});
