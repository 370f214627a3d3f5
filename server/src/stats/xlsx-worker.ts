/** The XLSX worker's body: the tables it was given, written as one workbook and posted back. */
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../db/worker-thread.js';
import type { Table } from './tables.js';
import { tablesToXlsx } from './xlsx-writer.js';

const { tables } = workerInput<{ tables: Table[] }>();
const workbook = new Uint8Array(await tablesToXlsx(tables));
parentPort?.postMessage(workbook, [workbook.buffer as ArrayBuffer]);
