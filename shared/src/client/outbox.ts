/**
 * The kiosk's offline outbox: a check-in that could not reach the server is
 * kept (with its idempotency key) and delivered when the server is back.
 * The server answers the same key only once, so a retry never checks in twice.
 */
import type { CheckinRequest } from '../api/index.js';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const KEY = 'gfa.kiosk.outbox';

export class Outbox {
  constructor(private readonly store: KeyValueStore) {}

  pending(): CheckinRequest[] {
    try {
      return JSON.parse(this.store.getItem(KEY) ?? '[]') as CheckinRequest[];
    } catch {
      return [];
    }
  }

  add(request: CheckinRequest): void {
    this.store.setItem(KEY, JSON.stringify([...this.pending(), request]));
  }

  /**
   * Sends every pending check-in in order; stops at the first network failure
   * (kept for later). `send` resolves when the server answered (any answer).
   */
  async flush(send: (request: CheckinRequest) => Promise<'delivered' | 'offline'>): Promise<number> {
    let delivered = 0;
    for (const request of this.pending()) {
      if ((await send(request)) === 'offline') break;
      this.store.setItem(
        KEY,
        JSON.stringify(this.pending().filter((r) => r.idempotencyKey !== request.idempotencyKey)),
      );
      delivered += 1;
    }
    return delivered;
  }
}
