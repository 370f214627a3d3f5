/**
 * The full export (every table, CSV and XLSX, zipped) written in a worker
 * thread from its own read-only connection (WAL: one consistent snapshot
 * while the server keeps writing): a whole database's export would otherwise
 * hold the event loop for seconds.
 */
import { startWorker } from '../db/worker-thread.js';

const BODY = new URL('./full-export-worker.ts', import.meta.url);

export function fullExportInWorker(databaseFile: string): Promise<Uint8Array> {
  return new Promise((done, fail) => {
    const worker = startWorker(BODY, { file: databaseFile });
    worker.once('message', (archive: Uint8Array) => {
      done(archive);
      void worker.terminate();
    });
    worker.once('error', fail);
    worker.once('exit', (code) => fail(new Error(`full export worker exited (code ${code})`)));
  });
}
