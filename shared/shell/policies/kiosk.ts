/**
 * Kiosk: full screen, no way out for the public. Only the administrator's
 * exit code leaves the kiosk; the shell keeps only its SHA-256 (written by
 * the installer in gfa-shell.json) and slows down guessing.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const kioskWindowOptions = {
  kiosk: true,
  fullscreen: true,
  frame: false,
  autoHideMenuBar: true,
  backgroundColor: '#ffffff',
} as const;

export const DEFAULT_UNRESPONSIVE_SECONDS = 15;

/** The payload of `gfaKiosk.requestExit(code)`, from an untrusted page. */
export function parseExitCode(payload: unknown): string | null {
  return typeof payload === 'string' && /^\d{4,12}$/.test(payload) ? payload : null;
}

export function exitCodeMatches(code: string, sha256Hex: string | undefined): boolean {
  if (sha256Hex === undefined || !/^[0-9a-f]{64}$/i.test(sha256Hex)) return false;
  const actual = createHash('sha256').update(code, 'utf8').digest();
  return timingSafeEqual(actual, Buffer.from(sha256Hex, 'hex'));
}

export type ExitVerdict = 'exit' | 'wrong-code' | 'locked';

/** Five wrong codes lock the exit for a minute: a 4-digit code cannot be tried out at the kiosk. */
export function createExitGate(options: {
  readonly sha256Hex: string | undefined;
  readonly now: () => number;
  readonly maxAttempts?: number;
  readonly lockMs?: number;
}): (payload: unknown) => ExitVerdict {
  const maxAttempts = options.maxAttempts ?? 5;
  const lockMs = options.lockMs ?? 60_000;
  let failures = 0;
  let lockedUntil = 0;
  return (payload) => {
    if (options.now() < lockedUntil) return 'locked';
    const code = parseExitCode(payload);
    if (code !== null && exitCodeMatches(code, options.sha256Hex)) {
      failures = 0;
      return 'exit';
    }
    failures += 1;
    if (failures >= maxAttempts) {
      failures = 0;
      lockedUntil = options.now() + lockMs;
    }
    return 'wrong-code';
  };
}
