import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type CheckinRequest } from '../../src/index.js';
import {
  LiveSocket,
  Outbox,
  backoffDelay,
  type LiveSocketOptions,
  type SocketLike,
} from '../../src/client/index.js';

class FakeSocket implements SocketLike {
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: { code: number }) => void) | null = null;
  sent: unknown[] = [];
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(): void {
    this.onclose?.({ code: 1000 });
  }
  serverSays(message: object): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

/** A display's live socket over fake sockets, retrying at once. */
function fakeLive(options: Partial<LiveSocketOptions> = {}): { live: LiveSocket; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  const live = new LiveSocket({
    url: 'wss://x/ws',
    token: () => 'tok',
    client: 'display',
    topics: ['calls'],
    onMessage: () => undefined,
    connect: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    schedule: (fn) => fn(),
    ...options,
  });
  return { live, sockets };
}

describe('LiveSocket', () => {
  it('says hello with the last seq seen, subscribes, and reconnects with backoff', () => {
    const sockets: FakeSocket[] = [];
    const delays: number[] = [];
    const statuses: string[] = [];
    const live = new LiveSocket({
      url: 'wss://x/ws',
      token: () => 'tok',
      client: 'display',
      topics: ['calls'],
      onMessage: () => undefined,
      onStatus: (s) => statuses.push(s),
      connect: () => {
        const s = new FakeSocket();
        sockets.push(s);
        return s;
      },
      schedule: (fn, ms) => {
        delays.push(ms);
        fn();
      },
      random: () => 1,
    });
    live.start();
    const first = sockets[0] as FakeSocket;
    first.onopen?.();
    expect(first.sent[0]).toEqual({
      type: 'hello',
      protocolVersion: PROTOCOL_VERSION,
      client: 'display',
      lastSeq: null,
      token: 'tok',
    });
    first.serverSays({
      type: 'welcome',
      protocolVersion: 1,
      serverVersion: '1',
      seq: 3,
      principal: { kind: 'device', id: 'd', deviceKind: 'display', name: 'TV' },
    });
    expect(first.sent[1]).toEqual({ type: 'subscribe', topics: ['calls'] });
    first.serverSays({ type: 'event', seq: 7, topic: 'calls', payload: { kind: 'config.changed' } });
    first.onclose?.({ code: 1006 });
    const second = sockets[1] as FakeSocket;
    second.onopen?.();
    expect(second.sent[0]).toMatchObject({ type: 'hello', lastSeq: 7, topicSeqs: { calls: 7 } });
    second.onclose?.({ code: 1006 });
    expect(delays).toEqual([1000, 2000]);
    expect(statuses).toEqual(['connecting', 'online', 'offline', 'connecting', 'offline', 'connecting']);
  });

  it('does not retry after an incompatible version or refused rights', () => {
    const { live, sockets } = fakeLive({ client: 'workstation', token: () => null });
    live.start();
    sockets[0]?.onclose?.({ code: 1006 });
    expect(sockets).toHaveLength(2);
    for (const code of [4000, 4001, 4003, 4005]) sockets.at(-1)?.onclose?.({ code });
    expect(sockets).toHaveLength(2);
  });

  it('retries, without reloading, when the server is older than the page or dropped it', () => {
    for (const code of [4002, 4008, 4029]) {
      let reloads = 0;
      const { live, sockets } = fakeLive({ onServerUpdated: () => (reloads += 1) });
      live.start();
      sockets[0]?.onclose?.({ code });
      expect({ code, reloads, sockets: sockets.length }).toEqual({ code, reloads: 0, sockets: 2 });
    }
  });

  it('reloads the page when the server comes back updated, or no longer speaks its protocol', () => {
    const run = (after: (socket: FakeSocket) => void): { reloads: number; sockets: FakeSocket[] } => {
      let reloads = 0;
      const { live, sockets } = fakeLive({ onServerUpdated: () => (reloads += 1) });
      live.start();
      const welcome = (serverVersion: string) => ({
        type: 'welcome',
        protocolVersion: PROTOCOL_VERSION,
        serverVersion,
        seq: 1,
        principal: { kind: 'device', id: 'd', deviceKind: 'display', name: 'TV' },
      });
      sockets[0]?.serverSays(welcome('1.0.0'));
      sockets[0]?.onclose?.({ code: 1006 }); // the update stops the server
      sockets[1]?.serverSays(welcome('1.0.0')); // a plain restart: nothing to do
      sockets[1]?.onclose?.({ code: 1006 });
      after(sockets[2] as FakeSocket);
      return { reloads, sockets };
    };
    const sameVersion = run((s) => s.serverSays({ type: 'pong' }));
    expect(sameVersion.reloads).toBe(0);
    const updated = run((s) =>
      s.serverSays({
        type: 'welcome',
        protocolVersion: PROTOCOL_VERSION,
        serverVersion: '1.1.0',
        seq: 1,
        principal: { kind: 'device', id: 'd', deviceKind: 'display', name: 'TV' },
      }),
    );
    expect(updated.reloads).toBe(1);
    const newProtocol = run((s) => s.onclose?.({ code: 4000 }));
    expect(newProtocol.reloads).toBe(1);
    expect(newProtocol.sockets).toHaveLength(3);
  });

  it('tells the page when the server ends its session, and does not retry', () => {
    let ended = 0;
    const { live, sockets } = fakeLive({ client: 'workstation', onSessionEnded: () => (ended += 1) });
    live.start();
    sockets[0]?.onclose?.({ code: 1006 });
    expect(ended).toBe(0);
    sockets[1]?.onclose?.({ code: 4001 });
    expect(ended).toBe(1);
    expect(sockets).toHaveLength(2);
    live.start();
    sockets[2]?.onclose?.({ code: 4005 }); // rights changed: sign in again for the new topics
    expect(ended).toBe(2);
    expect(sockets).toHaveLength(3);
  });

  it('backoff grows to 15 s at most, each delay jittered in the upper half of its step', () => {
    const attempts = [0, 1, 2, 3, 4, 10];
    expect(attempts.map((a) => backoffDelay(a, () => 1))).toEqual([1000, 2000, 4000, 8000, 15000, 15000]);
    expect(attempts.map((a) => backoffDelay(a, () => 0))).toEqual([500, 1000, 2000, 4000, 7500, 7500]);
    const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(3)));
    expect(spread.size).toBeGreaterThan(10);
    for (const delay of spread) expect(delay >= 4000 && delay <= 8000).toBe(true);
  });
});

describe('Outbox', () => {
  const store = () => {
    const map = new Map<string, string>();
    return {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
  };
  const req = (key: string): CheckinRequest => ({
    idempotencyKey: key,
    by: { kind: 'reference', reference: key },
  });

  it('keeps check-ins while offline and delivers each once, in order', async () => {
    const outbox = new Outbox(store());
    outbox.add(req('k1'));
    outbox.add(req('k2'));
    expect(await outbox.flush(async () => 'offline')).toBe(0);
    expect(outbox.pending().map((r) => r.idempotencyKey)).toEqual(['k1', 'k2']);
    const sent: string[] = [];
    expect(await outbox.flush(async (r) => (sent.push(r.idempotencyKey), 'delivered'))).toBe(2);
    expect(await outbox.flush(async (r) => (sent.push(r.idempotencyKey), 'delivered'))).toBe(0);
    expect(sent).toEqual(['k1', 'k2']);
  });

  it('stops at the first network failure and keeps the rest', async () => {
    const outbox = new Outbox(store());
    outbox.add(req('k1'));
    outbox.add(req('k2'));
    let calls = 0;
    await outbox.flush(async () => (++calls === 1 ? 'delivered' : 'offline'));
    expect(outbox.pending().map((r) => r.idempotencyKey)).toEqual(['k2']);
  });
});
