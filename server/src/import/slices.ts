/**
 * Long import work cut into slices, so that a 40,000-row file never holds the
 * event loop: a step function is a generator that yields wherever it may pause.
 * `runSliced` gives the loop back once a slice has run `SLICE_MS`; `runAtOnce`
 * runs the same steps straight through (one transaction, tests, small sources).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

export type Steps<T> = Generator<void, T, void>;

/** Well under the 50 ms a screen may wait for the server. */
export const SLICE_MS = 10;

export function runAtOnce<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export async function runSliced<T>(steps: Steps<T>): Promise<T> {
  let start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - start >= SLICE_MS) {
      await nextTurn();
      start = performance.now();
    }
  }
}

/** For a unit that must end (close its transaction) before pausing: true once a slice's time is spent. */
export const sliceTimer = (): (() => boolean) => {
  const end = performance.now() + SLICE_MS;
  return () => performance.now() >= end;
};
