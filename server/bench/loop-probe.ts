/**
 * The probe of `bench:data`: a timer that should fire every millisecond, and the longest gap it
 * saw while `run` ran — how long a request or a WebSocket message arriving then would have
 * waited for the event loop.
 */
import { setTimeout as sleep } from 'node:timers/promises';

export async function withLoopProbe<T>(
  run: () => T | Promise<T>,
): Promise<{ value: T; worstMs: number; ms: number }> {
  let worst = 0;
  let last = performance.now();
  const probe = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 1);
  await sleep(5);
  const start = performance.now();
  last = start;
  const value = await run();
  const ms = performance.now() - start;
  // One more turn, so that a synchronous run's whole length is seen as the gap it caused.
  await sleep(5);
  clearInterval(probe);
  return { value, worstMs: worst, ms };
}

export const loopFigure = (ms: number, worstMs: number): string =>
  `${ms.toFixed(0)} ms, worst event-loop delay ${worstMs.toFixed(1)} ms`;
