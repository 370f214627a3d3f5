/**
 * A raw WebSocket peer over TLS: performs the upgrade by hand, then writes
 * arbitrary bytes (malformed frames a real client library refuses to build)
 * and reports how the server ended the connection.
 */
import { randomBytes } from 'node:crypto';
import { connect, type TLSSocket } from 'node:tls';

export interface RawOutcome {
  /** The code of the server's close frame, or null when the connection ended without one. */
  readonly code: number | null;
  /** Every text frame the server sent before closing (welcome, snapshots...). */
  readonly texts: string[];
}

export interface RawPeer {
  send(bytes: Buffer): void;
  /** Half-closes: the server sees the end of the stream after what was sent. */
  end(): void;
  /** Stops reading (a peer that never reads: the server's send buffer fills), then reads again. */
  pause(): void;
  resume(): void;
  /**
   * Sends `bytes` then a ping with a fresh payload: true once its pong is back (the server processed
   * the bytes and kept the connection), false when the connection ends first.
   */
  roundTrip(bytes: Buffer, timeoutMs?: number): Promise<boolean>;
  /** Resolves when the server closes the connection (or after `timeoutMs`, with `timedOut`). */
  outcome(timeoutMs?: number): Promise<RawOutcome & { timedOut: boolean }>;
  destroy(): void;
}

/** A masked client frame, as a conforming client builds it (FIN set). */
export function clientFrame(opcode: number, payload: Buffer, options: { fin?: boolean } = {}): Buffer {
  const mask = randomBytes(4);
  const length = payload.length;
  const header =
    length < 126
      ? Buffer.from([0, 0x80 | length])
      : length < 65_536
        ? Buffer.from([0, 0x80 | 126, length >> 8, length & 0xff])
        : Buffer.concat([Buffer.from([0, 0x80 | 127]), bigLength(length)]);
  header[0] = ((options.fin ?? true) ? 0x80 : 0) | opcode;
  const masked = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] as number)));
  return Buffer.concat([header, mask, masked]);
}

function bigLength(length: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(length));
  return bytes;
}

/** Reads the server's (unmasked) frames out of the byte stream that follows the 101 answer. */
function readFrames(stream: Buffer): { frames: { opcode: number; payload: Buffer }[]; rest: Buffer } {
  const frames: { opcode: number; payload: Buffer }[] = [];
  let at = 0;
  while (stream.length - at >= 2) {
    const opcode = (stream[at] as number) & 0x0f;
    let length = (stream[at + 1] as number) & 0x7f;
    let header = 2;
    if (length === 126) {
      if (stream.length - at < 4) break;
      length = stream.readUInt16BE(at + 2);
      header = 4;
    } else if (length === 127) {
      if (stream.length - at < 10) break;
      length = Number(stream.readBigUInt64BE(at + 2));
      header = 10;
    }
    if (stream.length - at < header + length) break;
    frames.push({ opcode, payload: stream.subarray(at + header, at + header + length) });
    at += header + length;
  }
  return { frames, rest: stream.subarray(at) };
}

export async function openRawWs(baseUrl: string, ca: string): Promise<RawPeer> {
  const url = new URL(baseUrl);
  const socket: TLSSocket = connect({
    host: url.hostname,
    port: Number(url.port),
    ca,
    servername: 'localhost',
  });
  const key = randomBytes(16).toString('base64');
  let pending: Buffer = Buffer.alloc(0);
  let upgraded = false;
  let code: number | null = null;
  const texts: string[] = [];
  const pongs = new Set<string>();
  let onFrame = (): void => undefined;
  let closed = false;
  const ended = new Promise<void>((resolve) => {
    socket.once('close', () => resolve());
    socket.on('error', () => resolve());
  }).then(() => {
    closed = true;
    onFrame();
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('secureConnect', () => {
      socket.write(
        `GET /ws HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      if (!upgraded) {
        const end = pending.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = pending.subarray(0, end).toString();
        if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`upgrade refused: ${head}`));
        upgraded = true;
        pending = pending.subarray(end + 4);
        resolve();
      }
      const { frames, rest } = readFrames(pending);
      pending = rest;
      for (const frame of frames) {
        if (frame.opcode === 0x1) texts.push(frame.payload.toString());
        if (frame.opcode === 0x8) code = frame.payload.length >= 2 ? frame.payload.readUInt16BE(0) : 1005;
        if (frame.opcode === 0xa) pongs.add(frame.payload.toString('hex'));
      }
      onFrame();
    });
    socket.once('error', reject);
  });
  return {
    send: (bytes) => {
      if (!socket.destroyed) socket.write(bytes);
    },
    end: () => void socket.end(),
    pause: () => void socket.pause(),
    resume: () => void socket.resume(),
    roundTrip: (bytes, timeoutMs = 3_000) => {
      const probe = randomBytes(8);
      const key = probe.toString('hex');
      socket.write(Buffer.concat([bytes, clientFrame(9, probe)]));
      return new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), timeoutMs);
        onFrame = () => {
          if (!pongs.has(key) && !closed && code === null) return;
          clearTimeout(timer);
          resolve(pongs.has(key));
        };
        onFrame();
      });
    },
    outcome: async (timeoutMs = 5_000) => {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = await Promise.race([
        ended.then(() => false),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), timeoutMs))),
      ]);
      clearTimeout(timer);
      return { code, texts, timedOut };
    },
    destroy: () => socket.destroy(),
  };
}
