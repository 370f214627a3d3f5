/**
 * A statistics or audit workbook written in a worker thread: write-excel-file builds and zips the
 * whole workbook synchronously, which held the event loop for hundreds of milliseconds on a loaded
 * machine. The tables go in (plain data), the file's bytes come back (transferred, not copied).
 */
import { workerResult } from '../db/worker-thread.js';
import type { Table } from './tables.js';

const BODY = new URL('./xlsx-worker.ts', import.meta.url);

export const tablesToXlsxInWorker = (tables: readonly Table[]): Promise<Uint8Array> =>
  workerResult<Uint8Array>(BODY, { tables });
