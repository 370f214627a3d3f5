/**
 * The step between a right password and a session: a random challenge,
 * valid five minutes and five attempts, kept in memory only (a server restart
 * simply asks for the password again). It also carries a secret being set up.
 */
import { newToken } from './secrets.js';

const TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

export interface Challenge {
  readonly userId: string;
  /** Set while a second factor is being set up: confirmed by a first valid code. */
  readonly setupSecret: string | null;
  /** True for the login flow (a session opens), false for a setup from "Mon compte". */
  readonly login: boolean;
}

interface Held extends Challenge {
  readonly expiresAt: number;
  attempts: number;
}

export class LoginChallenges {
  private readonly held = new Map<string, Held>();
  issue(challenge: Challenge, now: number): string {
    for (const [id, h] of this.held) if (h.expiresAt <= now) this.held.delete(id);
    const id = newToken();
    this.held.set(id, { ...challenge, expiresAt: now + TTL_MS, attempts: 0 });
    return id;
  }

  peek(id: string, now: number): Challenge | null {
    const held = this.held.get(id);
    return held && held.expiresAt > now ? held : null;
  }

  /** Counts a wrong code; the challenge dies after the last allowed attempt. */
  fail(id: string): void {
    const held = this.held.get(id);
    if (held && ++held.attempts >= MAX_ATTEMPTS) this.held.delete(id);
  }

  consume(id: string): void {
    this.held.delete(id);
  }
}
