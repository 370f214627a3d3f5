/**
 * Limits that keep one WebSocket peer from costing the server more than its
 * share: a message budget (token bucket) and the size of what may wait in a
 * socket's send buffer before the peer counts as too slow.
 */
export interface WsLimits {
  /** Bytes that may wait in one socket's send buffer; above, the peer is dropped. */
  readonly maxBufferedBytes: number;
  /** Messages a peer may send in a burst... */
  readonly messageBurst: number;
  /** ...and per second afterwards. */
  readonly messagesPerSecond: number;
}

export const DEFAULT_WS_LIMITS: WsLimits = {
  // Ten times the largest snapshot of a busy day (visits list, ~130 kB for 85 visits with their steps).
  maxBufferedBytes: 4 * 1024 * 1024,
  // A screen sends hello, one subscribe and a ping now and then: 20 at once is already abuse.
  messageBurst: 20,
  messagesPerSecond: 5,
};

/** A token bucket: `take` is false once the peer has spent more than its budget. */
export class MessageBudget {
  private tokens: number;
  private at: number;

  constructor(
    private readonly limits: Pick<WsLimits, 'messageBurst' | 'messagesPerSecond'>,
    now: number,
  ) {
    this.tokens = limits.messageBurst;
    this.at = now;
  }

  take(now: number): boolean {
    const refill = ((now - this.at) / 1000) * this.limits.messagesPerSecond;
    this.tokens = Math.min(this.limits.messageBurst, this.tokens + refill);
    this.at = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
