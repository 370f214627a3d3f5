/**
 * One import worker started ahead, for the next import: an import is often followed by another
 * within a minute (the import screen checks a file, then imports it; the watched folder brings
 * several), and starting a worker — a thread, then its modules — is about a third of a 10,000-row
 * import. The spare waits idle at most `SPARE_IDLE_MS`, then exits: a quiet server holds no memory
 * for it (an idle one holds ~11 MB). One that dies while idle is dropped; once handed an import,
 * its caller watches it (`import-in-worker.ts`) exactly as a freshly started one.
 */
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../db/worker-thread.js';

export const SPARE_IDLE_MS = 60_000;
/** How long after an import its spare starts: not while the server still answers and syncs that import. */
export const SPARE_DELAY_MS = 500;

const spares = new Map<string, { readonly worker: Worker; readonly drop: () => void }>();

/** Starts a spare of this worker body soon (its input will come as its first message), unless one waits. */
export function keepSpare(body: URL): void {
  setTimeout(() => startSpare(body), SPARE_DELAY_MS).unref();
}

function startSpare(body: URL): void {
  if (spares.has(body.href)) return;
  const worker = startWorker(body, null);
  // An idle spare never keeps a process (a `gfa import` at the console) alive.
  worker.unref();
  const timer = setTimeout(() => {
    drop();
    void worker.terminate();
  }, SPARE_IDLE_MS);
  timer.unref();
  const drop = () => {
    clearTimeout(timer);
    if (spares.get(body.href)?.worker === worker) spares.delete(body.href);
    worker.off('error', drop);
    worker.off('exit', drop);
  };
  worker.on('error', drop);
  worker.on('exit', drop);
  spares.set(body.href, { worker, drop });
}

/** The waiting spare of this body, now the caller's: it must listen to its `error` and `exit` at once. */
export function takeSpare(body: URL): Worker | undefined {
  const spare = spares.get(body.href);
  if (!spare) return undefined;
  spare.drop();
  spare.worker.ref();
  return spare.worker;
}
