/**
 * Protocol fuzzing against the real server (HTTPS + WebSocket on 127.0.0.1):
 * every class of malformed frame the `ws` library rejects, then thousands of
 * random frames and random JSON messages. The server never crashes, keeps
 * answering /api/health, and closes each bad socket with its code.
 */
import { mkdtempSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, WS_CLOSE } from '@gfa/shared';
import { seededRandom } from '../../src/demo/prng.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { apiClient, type ApiClient } from './support/https-client.js';
import { clientFrame, openRawWs, type RawOutcome } from './support/raw-ws.js';
import { startServerProcess } from './support/server-process.js';
import { helloText, openSocket } from './support/ws-client.js';

let demo: DemoServer;
let anonymous: ApiClient;
let displayToken = '';
let userToken = '';
beforeAll(async () => {
  // Random messages come fast: the message budget is raised so that each socket meets many of them.
  demo = await startDemoServer(Date.now, { messageBurst: 10_000, messagesPerSecond: 10_000 });
  anonymous = apiClient(demo.server.url, demo.ca);
  displayToken = (await demo.device('display')).token ?? '';
  userToken = (await demo.login('christelle')).token ?? '';
});
afterAll(async () => {
  await anonymous.close();
  await demo.close();
});

const text = (s: string): Buffer => Buffer.from(s, 'utf8');
const closePayload = (code: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(code);
  return b;
};
const hello = (): Buffer => clientFrame(1, text(helloText(displayToken, 'display')));

/** Each frame class of issue 13, item 1, with the close code RFC 6455 gives it. */
const BAD_FRAMES: { name: string; bytes: () => Buffer; code: number }[] = [
  {
    name: 'length above maxPayload announced (the issue’s frame)',
    bytes: () => Buffer.from([0x81, 0xff, 0, 0, 0, 0, 0, 1, 0x18, 0, 1, 2, 3, 4]),
    code: 1009,
  },
  {
    name: 'length above maxPayload sent',
    bytes: () => clientFrame(1, Buffer.alloc(70_000, 0x61)),
    code: 1009,
  },
  {
    name: 'invalid UTF-8 text',
    bytes: () => clientFrame(1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
    code: 1007,
  },
  { name: 'unmasked client frame', bytes: () => Buffer.from([0x81, 0x02, 0x68, 0x69]), code: 1002 },
  { name: 'reserved opcode 3', bytes: () => clientFrame(3, text('x')), code: 1002 },
  {
    name: 'RSV1 without extension',
    bytes: () => {
      const frame = clientFrame(1, text('{}'));
      frame[0] = (frame[0] as number) | 0x40;
      return frame;
    },
    code: 1002,
  },
  { name: 'close code 999', bytes: () => clientFrame(8, closePayload(999)), code: 1002 },
  { name: 'fragmented ping', bytes: () => clientFrame(9, text('p'), { fin: false }), code: 1002 },
  { name: 'orphan continuation', bytes: () => clientFrame(0, text('x')), code: 1002 },
  { name: 'ping above 125 bytes', bytes: () => clientFrame(9, Buffer.alloc(126, 0x70)), code: 1002 },
];

async function healthy(): Promise<boolean> {
  return (await anonymous.call('GET', '/api/health')).status === 200;
}

/**
 * A random frame. Most are well-formed (pings, pongs, texts and binaries of random content) so that a
 * connection meets many frames; one in five breaks a rule (random bytes, reserved bits or opcodes,
 * no mask, fragmented control, bad close code).
 */
function randomFrame(random: () => number): Buffer {
  const byte = () => Math.floor(random() * 256);
  const bytes = (n: number) => Buffer.from(Array.from({ length: n }, byte));
  const roll = random();
  if (roll < 0.35) return clientFrame(9, bytes(Math.floor(random() * 126)));
  if (roll < 0.6) return clientFrame(10, bytes(Math.floor(random() * 126)));
  if (roll < 0.7)
    return clientFrame(1, Buffer.from(JSON.stringify({ type: 'ping', pad: bytes(20).toString('base64') })));
  if (roll < 0.8) return clientFrame(2, Buffer.from(JSON.stringify({ type: 'ping' })));
  if (roll < 0.84) return bytes(2 + Math.floor(random() * 30));
  const opcode = [0, 1, 2, 3, 8, 9, 10, 11, 15][Math.floor(random() * 9)] as number;
  const frame = clientFrame(opcode, bytes(Math.floor(random() * 200)), { fin: random() < 0.7 });
  if (random() < 0.5) frame[0] = (frame[0] as number) ^ (byte() & 0x70);
  if (random() < 0.2) frame[1] = (frame[1] as number) & 0x7f;
  return frame;
}

/** A random JSON value, often shaped like a protocol message with wrong or odd fields. */
function randomJson(random: () => number, depth = 0): unknown {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const scalar = () =>
    pick<unknown>([
      null,
      true,
      -1,
      0,
      2 ** 53,
      1.5,
      '',
      'visits',
      'hello',
      'é'.repeat(Math.floor(random() * 50)),
      '\u0000',
      PROTOCOL_VERSION,
    ]);
  if (depth > 3) return scalar();
  const roll = random();
  const topics = () =>
    Array.from({ length: 1 + Math.floor(random() * (random() < 0.05 ? 2_000 : 6)) }, () =>
      pick(['calls', 'visits', 'desk', 'reception', 'config']),
    );
  // Valid messages with odd extras (unknown keys, repeated topics): the socket must survive them.
  if (roll < 0.45)
    return { type: 'ping', [pick(['x', '__proto__', 'type2'])]: randomJson(random, depth + 1) };
  if (roll < 0.75) return { type: 'subscribe', topics: topics(), extra: scalar() };
  if (roll < 0.85) {
    const message: Record<string, unknown> = {
      type: pick(['hello', 'subscribe', 'ping', 'pong', 'welcome', 'event', '__proto__', 'constructor']),
    };
    for (const key of ['protocolVersion', 'client', 'lastSeq', 'token', 'topics', 'topicSeqs'])
      if (random() < 0.5) message[key] = random() < 0.5 ? scalar() : randomJson(random, depth + 1);
    if (random() < 0.3)
      message.topics = Array.from({ length: Math.floor(random() * 10) }, () =>
        pick(['calls', 'visits', 'desk', 'board', 'reception', 'config', 'x']),
      );
    return message;
  }
  if (roll < 0.92)
    return Array.from({ length: Math.floor(random() * 5) }, () => randomJson(random, depth + 1));
  return scalar();
}

/** Codes a fuzzed socket may legitimately be closed with. */
const EXPECTED_CLOSES = new Set<number | null>([
  null, // the peer half-closed first: the server just ends the connection
  1000,
  1002,
  1005,
  1007,
  1009,
  ...Object.values(WS_CLOSE).map((c) => c.code),
]);

async function sendRaw(bytes: Buffer[], timeoutMs = 5_000): Promise<RawOutcome & { timedOut: boolean }> {
  const peer = await openRawWs(demo.server.url, demo.ca);
  for (const b of bytes) peer.send(b);
  const outcome = await peer.outcome(timeoutMs);
  peer.destroy();
  return outcome;
}

describe('WebSocket protocol fuzzing', () => {
  it('the issue’s frame does not stop `gfa serve` (a real process)', async () => {
    const served = await startServerProcess(mkdtempSync(join(tmpdir(), 'gfa-fuzz-')), ['--demo']);
    try {
      const peer = await openRawWs(served.url, served.ca);
      peer.send(Buffer.from([0x81, 0xff, 0, 0, 0, 0, 0, 1, 0x18, 0, 1, 2, 3, 4]));
      expect(await peer.outcome()).toMatchObject({ code: 1009, timedOut: false });
      const client = apiClient(served.url, served.ca);
      expect((await client.call('GET', '/api/health')).status).toBe(200);
      await client.close();
      expect(served.child.exitCode).toBeNull();
    } finally {
      await served.stop('SIGKILL');
    }
  }, 60_000);

  it.each(BAD_FRAMES)('$name, before hello: closed with $code, server alive', async ({ bytes, code }) => {
    const outcome = await sendRaw([bytes()]);
    expect(outcome).toMatchObject({ code, timedOut: false });
    expect(await healthy()).toBe(true);
  });

  it.each(BAD_FRAMES)('$name, after a valid hello: closed with $code', async ({ bytes, code }) => {
    const outcome = await sendRaw([hello(), bytes()]);
    expect(outcome.texts.some((t) => t.includes('"welcome"'))).toBe(true);
    expect(outcome).toMatchObject({ code, timedOut: false });
  });

  it('garbage below the WebSocket layer (TLS handshake, HTTP head, reset upgrades) is contained', async () => {
    const { hostname, port } = new URL(demo.server.url);
    // Not TLS at all: plain HTTP on the TLS port.
    await new Promise<void>((resolve) => {
      const socket = tcpConnect(Number(port), hostname, () => socket.write('GET /ws HTTP/1.1\r\n\r\n'));
      socket.on('error', () => resolve());
      socket.on('close', () => resolve());
    });
    // TLS, then an HTTP head no parser accepts; then upgrades reset before an answer.
    const tls = (payload: string, reset: boolean) =>
      new Promise<void>((resolve) => {
        const tcp = tcpConnect(Number(port), hostname);
        tcp.on('error', () => resolve());
        const socket = tlsConnect({ socket: tcp, ca: demo.ca, servername: 'localhost' });
        socket.once('secureConnect', () => {
          socket.write(payload);
          if (reset) setTimeout(() => tcp.resetAndDestroy(), 5);
        });
        socket.on('data', () => socket.destroy());
        socket.on('error', () => resolve());
        socket.on('close', () => resolve());
      });
    await tls('GET / HTTP/1.1\r\nHost: \u0000\r\nContent-Length: -1\r\n\r\n', false);
    for (const path of ['/ws', '/elsewhere'])
      await tls(
        `GET ${path} HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Origin: https://evil.example\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\n\r\n',
        true,
      );
    expect(await healthy()).toBe(true);
  });

  it('10,000 random frames and random JSON messages: no crash, health throughout, every close typed', async () => {
    const random = seededRandom(20_261_201);
    const closes = new Map<number | null, number>();
    const count = (code: number | null): void => void closes.set(code, (closes.get(code) ?? 0) + 1);
    let frames = 0;
    let messages = 0;
    const started = Date.now();
    // Random frames on a raw connection (most after a valid hello) until the server closes
    // it: each frame is followed by a ping, whose pong proves the frame was processed.
    const rawConnection = async (): Promise<void> => {
      const peer = await openRawWs(demo.server.url, demo.ca);
      if (random() < 0.8) peer.send(hello());
      let alive = true;
      for (let i = 0; alive && i < 40 && frames < 5_000; i += 1) {
        frames += 1;
        alive = await peer.roundTrip(randomFrame(random), 500);
      }
      // A frame still waiting for its announced bytes holds the connection: end it from our side.
      if (alive) peer.send(clientFrame(8, closePayload(1000)));
      peer.end();
      const outcome = await peer.outcome();
      peer.destroy();
      count(outcome.code);
    };
    // Random JSON over a conforming client, each message followed by a ping: the pong proves the
    // server processed it and kept the socket, a close gives the code it refused it with.
    const jsonConnection = async (): Promise<void> => {
      const ws = await openSocket(demo.server.url, demo.ca);
      ws.on('error', () => undefined);
      const replies: string[] = [];
      let wake = (): void => undefined;
      ws.on('message', (data) => {
        replies.push(String(data));
        wake();
      });
      const closed = new Promise<number>((resolve) =>
        ws.once('close', (code) => {
          wake();
          resolve(code);
        }),
      );
      ws.send(helloText(random() < 0.8 ? userToken : displayToken));
      while (ws.readyState === WebSocket.OPEN && messages < 5_000) {
        ws.send(random() < 0.1 ? '{"type":' : JSON.stringify(randomJson(random)));
        messages += 1;
        ws.send('{"type":"ping"}');
        await new Promise<void>((resolve) => {
          wake = () => {
            if (replies.includes('{"type":"pong"}') || ws.readyState !== WebSocket.OPEN) resolve();
          };
          wake();
        });
        replies.length = 0;
      }
      if (ws.readyState === WebSocket.OPEN) ws.close(1000);
      count(await closed);
    };
    while (frames < 5_000 || messages < 5_000) {
      const batch: Promise<void>[] = [];
      for (let i = 0; i < 4 && frames < 5_000; i += 1) batch.push(rawConnection());
      for (let i = 0; i < 4 && messages < 5_000; i += 1) batch.push(jsonConnection());
      await Promise.all(batch);
      expect(await healthy()).toBe(true);
    }
    const unexpected = [...closes.keys()].filter((code) => !EXPECTED_CLOSES.has(code));
    console.info(
      `fuzz: ${frames} frames, ${messages} JSON messages in ${Date.now() - started} ms; closes`,
      Object.fromEntries(closes),
    );
    expect(unexpected).toEqual([]);
    expect(frames + messages).toBeGreaterThanOrEqual(10_000);
    // ~40 s on an idle 2-core machine; the margin is for a loaded one.
  }, 240_000);
});
