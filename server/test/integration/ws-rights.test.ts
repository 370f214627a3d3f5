/**
 * Rights on an open WebSocket (issue 13, item 6): a connection keeps the
 * identity of its first hello, and every change of a principal's sessions or
 * rights reaches its open sockets at once, not at the next periodic re-check.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_CLOSE, type AdminUser } from '@gfa/shared';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { connectWs, helloText, openSocket, type TestSocket } from './support/ws-client.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

/** The socket's close, which must come well before the 30 s periodic re-check. */
async function closedSoon(socket: TestSocket): Promise<number> {
  const started = Date.now();
  const { code } = await socket.closed;
  expect(Date.now() - started).toBeLessThan(2_000);
  return code;
}

async function stillOpen(socket: TestSocket): Promise<boolean> {
  return Promise.race([
    socket.closed.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 300)),
  ]);
}

async function editUser(id: string, change: Partial<AdminUser>): Promise<void> {
  const admin = await demo.login('admin');
  const users = await admin.call<{ users: AdminUser[] }>('GET', '/api/admin/users');
  const current = users.body.users.find((u) => u.id === id) as AdminUser;
  const body: Partial<AdminUser> = { ...current, ...change };
  delete body.id;
  const saved = await admin.call('PUT', `/api/admin/users/${id}`, body);
  expect(saved.status).toBe(200);
}

describe('rights on an open WebSocket', () => {
  it('a second hello (here with the display token) is refused and the socket closed', async () => {
    const user = await demo.login('carole');
    const display = await demo.device('display');
    const ws = await openSocket(demo.server.url, demo.ca);
    const received: string[] = [];
    ws.on('message', (data) => received.push(String(data)));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(helloText(user.token));
    ws.send(helloText(display.token, 'display'));
    ws.send(JSON.stringify({ type: 'subscribe', topics: ['calls'] }));
    expect(await closed).toBe(WS_CLOSE.badMessage.code);
    expect(received.map((m) => (JSON.parse(m) as { type: string }).type)).toEqual(['welcome']);
  });

  it('logout closes the sockets of that session at once; the account’s other sessions stay', async () => {
    const here = await demo.login('sophie');
    const there = await demo.login('sophie');
    const mine = await connectWs(demo.server.url, demo.ca, { token: here.token ?? '' }, ['visits']);
    const other = await connectWs(demo.server.url, demo.ca, { token: there.token ?? '' }, ['visits']);
    expect((await here.call('DELETE', '/api/session')).status).toBe(200);
    expect(await closedSoon(mine)).toBe(WS_CLOSE.unauthenticated.code);
    expect(await stillOpen(other)).toBe(true);
    other.close();
  });

  it('« se déconnecter de tous les postes » closes every socket of the account at once', async () => {
    const one = await demo.login('sophie');
    const two = await demo.login('sophie');
    const sockets = await Promise.all(
      [one, two].map((c) => connectWs(demo.server.url, demo.ca, { token: c.token ?? '' }, ['visits'])),
    );
    expect((await one.call('DELETE', '/api/sessions')).status).toBe(200);
    for (const s of sockets) expect(await closedSoon(s)).toBe(WS_CLOSE.unauthenticated.code);
  });

  it('a second-factor reset by the administrator closes the account’s sockets', async () => {
    const user = await demo.login('carole');
    const socket = await connectWs(demo.server.url, demo.ca, { token: user.token ?? '' }, ['visits']);
    const admin = await demo.login('admin');
    expect((await admin.call('POST', '/api/admin/users/carole/totp-reset')).status).toBe(200);
    expect(await closedSoon(socket)).toBe(WS_CLOSE.unauthenticated.code);
  });

  it('a demoted supervisor’s board socket is told its rights changed; a renamed user’s socket stays', async () => {
    const supervisor = await demo.login('virginie');
    const board = await connectWs(demo.server.url, demo.ca, { token: supervisor.token ?? '' }, ['board']);
    const user = await demo.login('carole');
    const visits = await connectWs(demo.server.url, demo.ca, { token: user.token ?? '' }, ['visits']);
    await editUser('carole', { displayName: 'Carole (accueil)' });
    expect(await stillOpen(visits)).toBe(true);
    await editUser('virginie', { roles: ['user'] });
    expect(await closedSoon(board)).toBe(WS_CLOSE.rightsChanged.code);
    // Signing in again gives the new rights: the board is no longer open to this account.
    const again = await demo.login('virginie');
    const refused = await connectWs(demo.server.url, demo.ca, { token: again.token ?? '' });
    await refused.waitFor((m) => m.type === 'welcome');
    await editUser('virginie', { roles: ['user', 'supervisor'] });
    expect(await closedSoon(refused)).toBe(WS_CLOSE.rightsChanged.code);
    visits.close();
  });

  it('deactivating an account closes its sockets at once', async () => {
    const user = await demo.login('carole');
    const socket = await connectWs(demo.server.url, demo.ca, { token: user.token ?? '' }, ['visits']);
    await editUser('carole', { active: false });
    expect(await closedSoon(socket)).toBe(WS_CLOSE.unauthenticated.code);
    await editUser('carole', { active: true });
  });

  it('revoking a device closes its sockets at once', async () => {
    const socket = await demo.connectDisplay();
    const admin = await demo.login('admin');
    expect((await admin.call('POST', '/api/admin/devices/ecran-1/revoke')).status).toBe(200);
    expect(await closedSoon(socket)).toBe(WS_CLOSE.unauthenticated.code);
  });
});
