/** The full export's worker body: its own read-only connection to the database file, the archive posted back. */
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import { workerInput } from '../db/worker-thread.js';
import { fullExportArchive } from './full-export.js';

const { file } = workerInput<{ file: string }>();
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
try {
  const archive = await fullExportArchive(sqlite);
  parentPort?.postMessage(archive, [archive.buffer as ArrayBuffer]);
} finally {
  sqlite.close();
}
