/**
 * The server's worker threads: long work (reading an agenda file, writing the
 * full export) runs beside the event loop instead of on it. Every worker
 * starts from `bin/worker.mjs`, which registers the TypeScript loader, then
 * runs `module`; the module reads `input` from `workerInput()`.
 */
import { Worker, workerData, type ResourceLimits } from 'node:worker_threads';

const ENTRY = new URL('../../bin/worker.mjs', import.meta.url);

export function startWorker(
  module: URL,
  input: unknown,
  options: { readonly resourceLimits?: ResourceLimits; readonly transfer?: ArrayBuffer[] } = {},
): Worker {
  return new Worker(ENTRY, {
    workerData: { module: module.href, input },
    // A bundled body is plain JavaScript: it needs no loader a TypeScript parent (tsx: a bench, a
    // test) was started with, whose hooks thread would be started again in every worker.
    ...(module.pathname.endsWith('.mjs') ? { execArgv: [] } : {}),
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    ...(options.transfer ? { transferList: options.transfer } : {}),
  });
}

/** Inside a worker: what `startWorker` was given. */
export const workerInput = <T>(): T => (workerData as { input: T }).input;

/** Runs `module` in a worker that posts one message, its result; a crash or an early exit rejects. */
export function workerResult<T>(module: URL, input: unknown): Promise<T> {
  return new Promise((done, fail) => {
    const worker = startWorker(module, input);
    worker.once('message', (result: T) => {
      done(result);
      void worker.terminate();
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`worker ${module.pathname} exited (code ${code})`)));
  });
}
