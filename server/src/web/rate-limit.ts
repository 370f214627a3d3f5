/** Login throttling: a few failures per login and address per minute, then a pause. */
export class FailureThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 60_000,
  ) {}

  blocked(key: string, now: number): boolean {
    const entry = this.failures.get(key);
    if (!entry || now - entry.since > this.windowMs) return false;
    return entry.count >= this.maxFailures;
  }

  fail(key: string, now: number): void {
    const entry = this.failures.get(key);
    if (!entry || now - entry.since > this.windowMs) this.failures.set(key, { count: 1, since: now });
    else entry.count += 1;
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}
