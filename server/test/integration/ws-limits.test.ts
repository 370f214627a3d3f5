/**
 * What one WebSocket peer may cost the server (issue 13, item 2): repeated
 * topics give one snapshot, a message flood closes the socket, and a peer
 * that never reads is dropped instead of growing the server's memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WS_CLOSE, type CheckinResponse } from '@gfa/shared';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { clientFrame, openRawWs } from './support/raw-ws.js';
import { connectWs, helloText, openSocket } from './support/ws-client.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

const ALL_TOPICS = ['calls', 'visits', 'desk', 'board', 'reception', 'config'];

describe('WebSocket limits', () => {
  it('2,000 repeated topics in one subscribe give one subscription and one snapshot', async () => {
    const user = await demo.login('carole');
    const socket = await connectWs(demo.server.url, demo.ca, { token: user.token ?? '' }, [
      ...Array<'visits'>(2_000).fill('visits'),
    ]);
    const subscribed = await socket.waitFor((m) => m.type === 'subscribed');
    expect(subscribed).toEqual({ type: 'subscribed', topics: ['visits'] });
    await socket.waitFor((m) => m.type === 'snapshot');
    // Asking again for a topic already held sends no second snapshot.
    const ws = await openSocket(demo.server.url, demo.ca);
    const kinds: string[] = [];
    ws.on('message', (data) => kinds.push((JSON.parse(String(data)) as { type: string }).type));
    ws.send(helloText(user.token));
    for (let i = 0; i < 3; i += 1)
      ws.send(JSON.stringify({ type: 'subscribe', topics: ['visits', 'visits'] }));
    ws.send(JSON.stringify({ type: 'ping' }));
    await new Promise<void>((resolve) => ws.on('message', () => kinds.at(-1) === 'pong' && resolve()));
    expect(kinds).toEqual(['welcome', 'subscribed', 'snapshot', 'subscribed', 'subscribed', 'pong']);
    expect(socket.messages.filter((m) => m.type === 'snapshot')).toHaveLength(1);
    ws.close();
    socket.close();
  });

  it('a flood of messages closes the socket with its own code', async () => {
    const user = await demo.login('carole');
    const ws = await openSocket(demo.server.url, demo.ca);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(helloText(user.token));
    for (let i = 0; i < 200; i += 1) ws.send(JSON.stringify({ type: 'ping' }));
    expect(await closed).toBe(WS_CLOSE.tooManyMessages.code);
  });

  it('peers that never read are dropped; a reading one keeps up; memory stays flat', async () => {
    // A smaller send buffer and no message budget, so that a few peers reach the limit quickly.
    const slow = await startDemoServer(Date.now, {
      maxBufferedBytes: 256 * 1024,
      messageBurst: 1e9,
      messagesPerSecond: 1e9,
    });
    try {
      const supervisor = await slow.login('virginie');
      const reader = await connectWs(slow.server.url, slow.ca, { token: supervisor.token ?? '' }, ['visits']);
      const rssBefore = process.memoryUsage().rss;
      const frame = (message: object) => clientFrame(1, Buffer.from(JSON.stringify(message)));
      const ping = frame({ type: 'ping' });
      const stalled = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const peer = await openRawWs(slow.server.url, slow.ca);
          peer.pause();
          peer.send(clientFrame(1, Buffer.from(helloText(supervisor.token))));
          peer.send(frame({ type: 'subscribe', topics: ALL_TOPICS }));
          // Each ping asks for a pong the peer never reads: what it would make the server hold.
          for (let i = 0; i < 40; i += 1) peer.send(Buffer.concat(Array<Buffer>(1_000).fill(ping)));
          return peer;
        }),
      );
      const kiosk = await slow.device('kiosk');
      const checkin = await kiosk.call<CheckinResponse>('POST', '/api/checkin', {
        idempotencyKey: 'slow-peers-0001',
        by: { kind: 'reference', reference: 'RDV-0001' },
      });
      const visitId = checkin.body.outcome === 'recognised' ? checkin.body.visitId : '';
      expect(visitId).not.toBe('');
      await reader.waitFor(
        (m) => m.type === 'event' && m.payload.kind === 'visit.changed' && m.payload.visit.id === visitId,
      );
      const rssGrowth = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
      console.info(`5 stalled peers, 40,000 unread pongs each: RSS +${rssGrowth.toFixed(1)} MB`);
      expect(rssGrowth).toBeLessThan(100);
      for (const peer of stalled) {
        peer.resume();
        const outcome = await peer.outcome(5_000);
        expect(outcome.timedOut).toBe(false);
        // The close frame may be lost behind the unread data: the connection is cut either way.
        expect([WS_CLOSE.tooSlow.code, null]).toContain(outcome.code);
      }
      expect(await Promise.race([reader.closed.then(() => 'closed'), Promise.resolve('open')])).toBe('open');
      reader.close();
    } finally {
      await slow.close();
    }
  });
});
