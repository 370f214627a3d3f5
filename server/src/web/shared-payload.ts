/**
 * A response many screens ask for between two commits (the supervision board: 25 supervisors and
 * workstations refetch it on each board event) is serialised once, not once per request. In
 * bench:server, serialising the 118 KB board and collecting the garbage it left were ~2.4 ms of
 * each request's ~3.4 ms of CPU, so 25 refreshers held the event loop ~85 ms after each commit.
 * It is also gzipped once for the screens that accept it (Chromium always does): encrypting and
 * writing 118 KB was most of what a request still cost. Only payloads marked here are kept: they
 * are never changed once returned (a new board is a new object), and the text goes with the object.
 */
import { gzipSync } from 'node:zlib';

const serialised = new WeakMap<object, string>();
const gzipped = new WeakMap<object, Buffer>();
const shared = new WeakSet<object>();

/** Marks `payload` as served as it is to every caller until it is replaced. */
export function sharedPayload<T extends object>(payload: T): T {
  shared.add(payload);
  return payload;
}

const isShared = (payload: unknown): payload is object =>
  typeof payload === 'object' && payload !== null && shared.has(payload);

function textOf(payload: object): string {
  let text = serialised.get(payload);
  if (text === undefined) {
    text = JSON.stringify(payload);
    serialised.set(payload, text);
  }
  return text;
}

/** Fastify's reply serializer: JSON, computed once for a shared payload. */
export const serializeReply = (payload: unknown): string =>
  isShared(payload) ? textOf(payload) : JSON.stringify(payload);

/** Whether an Accept-Encoding header takes gzip (`gzip;q=0` refuses it). */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** The body to send: a shared payload gzipped once, for a caller that accepts it; else `payload` itself. */
export function encodedReply(
  payload: unknown,
  acceptEncoding: string | undefined,
  setHeader: (name: string, value: string) => void,
): unknown {
  if (!isShared(payload)) return payload;
  setHeader('vary', 'accept-encoding');
  if (!acceptsGzip(acceptEncoding)) return payload;
  let body = gzipped.get(payload);
  if (body === undefined) {
    // Level 1: a few times smaller already, for a fraction of the default level's CPU.
    body = gzipSync(textOf(payload), { level: 1 });
    gzipped.set(payload, body);
  }
  setHeader('content-type', 'application/json; charset=utf-8');
  setHeader('content-encoding', 'gzip');
  return body;
}
