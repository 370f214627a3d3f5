/**
 * The full export (every table, CSV and XLSX, zipped) written in a worker
 * thread from its own read-only connection (WAL: one consistent snapshot
 * while the server keeps writing): a whole database's export would otherwise
 * hold the event loop for seconds.
 */
import { workerResult } from '../db/worker-thread.js';

const BODY = new URL('./full-export-worker.ts', import.meta.url);

export const fullExportInWorker = (databaseFile: string): Promise<Uint8Array> =>
  workerResult<Uint8Array>(BODY, { file: databaseFile });
