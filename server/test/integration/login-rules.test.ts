/**
 * Issue 6's rights tests over HTTPS with a movable server clock: lockout
 * after repeated failures and its release, session expiry, and what device
 * tokens may not do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, VisitDto } from '@gfa/shared';
import { apiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';

const MINUTE = 60_000;
let demo: DemoServer;
let offset = 0;
beforeAll(async () => {
  demo = await startDemoServer(() => Date.now() + offset);
});
afterAll(() => demo.close());

describe('login rules', () => {
  it('five wrong passwords lock the account for a minute, even with the right one; then it opens', async () => {
    const client = apiClient(demo.server.url, demo.ca);
    const login = (password: string) =>
      client.call<ApiErrorBody>('POST', '/api/session', { login: 'luc', password });
    for (let i = 0; i < 5; i += 1) expect((await login('faux')).status).toBe(401);
    const locked = await login('demo');
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toBe('Trop de tentatives : réessayez dans une minute.');
    offset += MINUTE + 1_000;
    expect((await login('demo')).status).toBe(200);
    await client.close();
  });

  it('a session is refused once expired (12 h)', async () => {
    const luc = await demo.login('luc');
    expect((await luc.call('GET', '/api/visits')).status).toBe(200);
    offset += 12 * 60 * MINUTE + 1_000;
    expect((await luc.call<ApiErrorBody>('GET', '/api/visits')).status).toBe(401);
  });
});

describe('device tokens', () => {
  it('a display cannot read the board nor a visit', async () => {
    const display = await demo.device('display');
    expect((await display.call('GET', '/api/board')).status).toBe(403);
    expect((await display.call('GET', '/api/visits')).status).toBe(403);
  });

  it('a kiosk cannot call anyone nor open an administrator route', async () => {
    const kiosk = await demo.device('kiosk');
    const admin = await demo.login('admin');
    const [visit] = (await admin.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
    const call = await kiosk.call('POST', `/api/visits/${visit?.id}/actions`, { type: 'call' });
    expect(call.status).toBe(403);
    expect((await kiosk.call('GET', '/api/admin/users')).status).toBe(403);
    const user = await demo.login('sophie');
    expect((await user.call('GET', '/api/admin/users')).status).toBe(403);
  });
});
