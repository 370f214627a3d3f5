/**
 * The backup's worker body: its own read-only connection takes the snapshot
 * (`serialize`, a copy of every page: ~1 s on a large database, which the
 * server's event loop no longer waits for), then gzip and encryption. Only the
 * encrypted bytes leave the worker; nothing plain is ever written to disk.
 */
import Database from 'better-sqlite3';
import { promisify } from 'node:util';
import { parentPort } from 'node:worker_threads';
import { gzip } from 'node:zlib';
import { workerInput } from '../db/worker-thread.js';
import { encryptBackup } from './backup-crypto.js';

const { file, passphrase } = workerInput<{ file: string; passphrase: string }>();
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
try {
  parentPort?.postMessage(await encryptBackup(await promisify(gzip)(sqlite.serialize()), passphrase));
} finally {
  sqlite.close();
}
