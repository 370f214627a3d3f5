/**
 * Q-VIEW-3 on the wire: after a commit, each professional watching their desk gets their view,
 * the same on each of their sockets; a commit that leaves a view unchanged sends it to nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskViewDto, ServerMessage } from '@gfa/shared';
import type { ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { connectWs, type TestSocket } from './support/ws-client.js';

type DeskEvent = Extract<ServerMessage, { type: 'event' }> & {
  payload: { kind: 'desk.view'; view: DeskViewDto };
};
const isDeskView = (m: ServerMessage): m is DeskEvent => m.type === 'event' && m.payload.kind === 'desk.view';

describe('desk views pushed after a commit (Q-VIEW-3)', () => {
  let demo: DemoServer;
  let luc: ApiClient;
  let patrick: ApiClient;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    demo = await startDemoServer();
    luc = await demo.login('luc');
    patrick = await demo.login('patrick');
    for (let i = 0; i < 2; i += 1)
      sockets.push(await connectWs(demo.server.url, demo.ca, { token: luc.token ?? '' }, ['desk']));
    await Promise.all(sockets.map((s) => s.waitFor((m) => m.type === 'snapshot')));
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await demo.close();
  });

  it('Q-VIEW-3 sends a changed view to each socket of its professional, an unchanged one to none', async () => {
    // The lab technician's presence changes nothing the doctor's desk shows.
    const unrelated = await patrick.call<{ seq?: number }>('POST', '/api/desk/presence', {
      state: 'available',
    });
    expect(unrelated.status).toBe(200);
    const mine = await luc.call('POST', '/api/desk/presence', { state: 'available' });
    expect(mine.status).toBe(200);
    const views = await Promise.all(
      sockets.map((s) => s.waitFor((m) => isDeskView(m) && m.payload.view.desk?.state === 'available')),
    );
    for (const [i, socket] of sockets.entries()) {
      // A socket's frames arrive in order: had the first commit sent a view, it would be here first.
      const pushed = socket.messages.filter(isDeskView);
      expect(pushed).toHaveLength(1);
      expect(pushed[0]).toEqual(views[i]);
    }
    expect(views[0]).toEqual(views[1]);
  });
});
