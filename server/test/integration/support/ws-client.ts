/** A test WebSocket client that speaks the shared protocol and records every server message. */
import WebSocket from 'ws';
import { PROTOCOL_VERSION, parseServerMessage, type ServerMessage, type Topic } from '@gfa/shared';

export interface TestSocket {
  readonly messages: ServerMessage[];
  /** Resolves with the first recorded or future message matching `match`. */
  waitFor<T extends ServerMessage>(match: (m: ServerMessage) => m is T, timeoutMs?: number): Promise<T>;
  waitFor(match: (m: ServerMessage) => boolean, timeoutMs?: number): Promise<ServerMessage>;
  lastSeq(): number;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export async function connectWs(
  baseUrl: string,
  ca: string,
  hello: {
    token?: string;
    client?: 'display' | 'workstation' | 'kiosk' | 'board' | 'bench';
    lastSeq?: number | null;
    protocolVersion?: number;
  },
  topics: Topic[] = [],
): Promise<TestSocket> {
  const socket = new WebSocket(`${baseUrl.replace('https', 'wss')}/ws`, { ca });
  const messages: ServerMessage[] = [];
  const waiters: { match: (m: ServerMessage) => boolean; resolve: (m: ServerMessage) => void }[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('message', (data, isBinary) => {
    // Browsers hand a binary frame to the screens as a Blob, which they do not parse: text only.
    if (isBinary) throw new Error('server sent a binary frame: the protocol is JSON text');
    const parsed = parseServerMessage(String(data));
    if (!parsed.ok) throw new Error(`server sent an invalid message: ${parsed.error}`);
    messages.push(parsed.value);
    for (const w of [...waiters]) {
      if (w.match(parsed.value)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(parsed.value);
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const waitFor = (match: (m: ServerMessage) => boolean, timeoutMs = 5_000): Promise<ServerMessage> => {
    const found = messages.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no matching WS message in ${timeoutMs} ms`)),
        timeoutMs,
      );
      waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  };
  socket.send(
    JSON.stringify({
      type: 'hello',
      protocolVersion: hello.protocolVersion ?? PROTOCOL_VERSION,
      client: hello.client ?? 'workstation',
      lastSeq: hello.lastSeq ?? null,
      ...(hello.token ? { token: hello.token } : {}),
    }),
  );
  const client: TestSocket = {
    messages,
    waitFor: waitFor as TestSocket['waitFor'],
    lastSeq: () =>
      messages.reduce((max, m) => ('seq' in m && m.type !== 'welcome' ? Math.max(max, m.seq) : max), 0),
    closed,
    close: () => socket.close(),
  };
  if (topics.length > 0) {
    await client.waitFor((m) => m.type === 'welcome');
    socket.send(JSON.stringify({ type: 'subscribe', topics }));
    await client.waitFor((m) => m.type === 'subscribed');
  }
  return client;
}

/** The text of a `hello`, for tests that drive a socket by hand. */
export const helloText = (token: string | null, client = 'workstation'): string =>
  JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, client, lastSeq: null, token });

/** A plain `ws` socket to the server, once open (the caller sends what it wants, even nonsense). */
export async function openSocket(baseUrl: string, ca: string): Promise<WebSocket> {
  const ws = new WebSocket(`${baseUrl.replace('https', 'wss')}/ws`, { ca });
  await new Promise((resolve) => ws.once('open', resolve));
  return ws;
}
