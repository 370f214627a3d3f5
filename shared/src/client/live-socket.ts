/**
 * The live connection to the server: hello with the last sequence number seen,
 * topic subscription, automatic reconnection with backoff, and an
 * online/offline status for the discreet offline marker.
 */
import {
  PROTOCOL_VERSION,
  WS_CLOSE,
  parseServerMessage,
  type ServerMessage,
  type Topic,
} from '../api/index.js';

export type LinkStatus = 'connecting' | 'online' | 'offline';

/** The subset of the browser WebSocket the client needs (a fake one in tests). */
export interface SocketLike {
  onopen: (() => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number }) => void) | null;
  send(data: string): void;
  close(): void;
}

export interface LiveSocketOptions {
  readonly url: string;
  readonly token: () => string | null;
  readonly client: 'kiosk' | 'display' | 'workstation' | 'board';
  readonly topics: readonly Topic[];
  readonly onMessage: (message: ServerMessage) => void;
  readonly onStatus?: (status: LinkStatus) => void;
  /**
   * The server came back as another version (an update outside opening hours): the page reloads itself
   * so the screens the server now serves replace the old ones. Default: `location.reload()` in a browser.
   */
  readonly onServerUpdated?: () => void;
  /**
   * The server ended this session (4001: expired, idle, closed elsewhere, revoked) or changed its
   * rights (4005: the screen must sign in again for its new topics): no retry follows.
   */
  readonly onSessionEnded?: () => void;
  readonly connect?: (url: string) => SocketLike;
  readonly schedule?: (fn: () => void, ms: number) => unknown;
  /** A number in [0, 1) for the back-off's jitter (Math.random by default). */
  readonly random?: () => number;
}

/**
 * 1 s, 2 s, 4 s… up to 15 s between attempts, each drawn in its upper half: after a server restart,
 * a centre's screens spread their reconnections instead of arriving all in the same instant.
 */
export const backoffDelay = (attempt: number, random: () => number = Math.random): number => {
  const ceiling = Math.min(15_000, 1_000 * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
};

/** Close codes after which retrying is pointless (old page, ended session, changed or refused rights). */
const FINAL_CODES = new Set<number>([
  WS_CLOSE.clientTooOld.code,
  WS_CLOSE.unauthenticated.code,
  WS_CLOSE.rightsChanged.code,
  WS_CLOSE.forbidden.code,
]);
const SESSION_ENDED_CODES = new Set<number>([WS_CLOSE.unauthenticated.code, WS_CLOSE.rightsChanged.code]);

export class LiveSocket {
  private socket: SocketLike | null = null;
  private attempt = 0;
  private stopped = false;
  private lastSeq: number | null = null;
  /** Per topic, the last seq received: what a reconnection resumes from. */
  private readonly topicSeqs: Partial<Record<Topic, number>> = {};
  private serverVersion: string | null = null;

  constructor(private readonly options: LiveSocketOptions) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.socket?.close();
  }

  private serverUpdated(): void {
    this.stop();
    (this.options.onServerUpdated ?? (() => globalThis.location?.reload()))();
  }

  private open(): void {
    const connect = this.options.connect ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.options.onStatus?.('connecting');
    const socket = connect(this.options.url);
    this.socket = socket;
    socket.onopen = () => {
      socket.send(
        JSON.stringify({
          type: 'hello',
          protocolVersion: PROTOCOL_VERSION,
          client: this.options.client,
          lastSeq: this.lastSeq,
          ...(this.lastSeq === null ? {} : { topicSeqs: this.topicSeqs }),
          ...(this.options.token() ? { token: this.options.token() } : {}),
        }),
      );
    };
    socket.onmessage = (event) => {
      const parsed = parseServerMessage(String(event.data));
      if (!parsed.ok) return;
      const message = parsed.value;
      if (message.type === 'welcome') {
        if (this.serverVersion !== null && this.serverVersion !== message.serverVersion)
          return this.serverUpdated();
        this.serverVersion = message.serverVersion;
        this.attempt = 0;
        this.options.onStatus?.('online');
        socket.send(JSON.stringify({ type: 'subscribe', topics: this.options.topics }));
      }
      if (message.type === 'event' || message.type === 'snapshot') {
        this.lastSeq = Math.max(this.lastSeq ?? 0, message.seq);
        this.topicSeqs[message.type === 'event' ? message.topic : message.data.topic] = message.seq;
      }
      this.options.onMessage(message);
    };
    socket.onclose = (event) => {
      this.options.onStatus?.('offline');
      // A page older than the server's protocol cannot talk to it: the new page can. A page newer
      // than its server (serverTooOld) retries instead: reloading would fetch the same page again.
      if (event.code === WS_CLOSE.clientTooOld.code && !this.stopped) return this.serverUpdated();
      if (SESSION_ENDED_CODES.has(event.code) && !this.stopped) this.options.onSessionEnded?.();
      if (this.stopped || FINAL_CODES.has(event.code)) return;
      const schedule = this.options.schedule ?? ((fn, ms) => setTimeout(fn, ms));
      schedule(() => this.open(), backoffDelay(this.attempt++, this.options.random));
    };
  }
}
