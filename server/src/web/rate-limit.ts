/**
 * Attempt throttling (logins, second factors, the kiosks' exit code): a few failures per key and
 * window, then a pause. An attempt is reserved *before* its slow asynchronous check, so guesses
 * sent in parallel count from the moment they arrive (failures + attempts in flight); failures
 * are kept in SQLite, so a restart resets nothing. Only attempts in flight are in memory, and
 * each leaves the map when it ends: the map is bounded by the work in progress.
 */
import type { Db } from '../db/database.js';
import { clearFailures, failuresOf, recordFailure } from '../db/auth-store.js';

export interface Attempt {
  /** A wrong secret: counted. Returns true when the key is now locked. */
  fail(now: number): boolean;
  /** The right secret: the key's failures are forgotten. */
  succeed(): void;
  /** Neither (the check could not run): frees the reservation. Harmless after fail or succeed. */
  release(): void;
}

export class AttemptThrottle {
  private readonly inFlight = new Map<string, number>();

  constructor(
    private readonly db: Db,
    private readonly maxFailures = 5,
    private readonly windowMs = 60_000,
    /** Keys kept at most: a spray of random logins cannot grow the table without end. */
    private readonly maxKeys = 10_000,
  ) {}

  locked(key: string, now: number): boolean {
    return failuresOf(this.db, key, now, this.windowMs) >= this.maxFailures;
  }

  /** One attempt for `key`, or null when its failures and attempts in flight reach the limit. */
  reserve(key: string, now: number): Attempt | null {
    const running = this.inFlight.get(key) ?? 0;
    if (failuresOf(this.db, key, now, this.windowMs) + running >= this.maxFailures) return null;
    this.inFlight.set(key, running + 1);
    let open = true;
    const end = (): boolean => {
      if (!open) return false;
      open = false;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left > 0) this.inFlight.set(key, left);
      else this.inFlight.delete(key);
      return true;
    };
    return {
      fail: (at) => {
        if (end()) recordFailure(this.db, key, at, this.windowMs, this.maxKeys);
        return this.locked(key, at);
      },
      succeed: () => {
        if (end()) clearFailures(this.db, key);
      },
      release: () => void end(),
    };
  }

  /** Attempts in flight, all keys together (what the bound is measured on). */
  get pending(): number {
    return this.inFlight.size;
  }
}
