/**
 * The backup's worker body: its own read-only connection takes the snapshot (`serialize`, a copy
 * of every page: ~1 s on a large database), then gzip, encryption and the file write, all on this
 * thread. Only the finished file's path goes back: the server's thread never holds a copy of the
 * database (receiving one, then copying and collecting it, held its event loop 130–370 ms on a
 * 400 MB database). Nothing plain is ever written to disk.
 */
import Database from 'better-sqlite3';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { gzipSync } from 'node:zlib';
import { workerInput } from '../db/worker-thread.js';
import { encryptBackup } from './backup-crypto.js';

export interface BackupWorkerInput {
  readonly file: string;
  readonly passphrase: string;
  /** Where the encrypted backup goes; written beside it first, so a half-written file never has its name. */
  readonly target: string;
}

const { file, passphrase, target } = workerInput<BackupWorkerInput>();
const sqlite = new Database(file, { readonly: true, fileMustExist: true });
let sealed: Buffer;
try {
  sealed = encryptBackup(gzipSync(sqlite.serialize()), passphrase);
} finally {
  sqlite.close();
}
const partial = `${target}.partial-${process.pid}`;
try {
  writeFileSync(partial, sealed, { mode: 0o600 });
  renameSync(partial, target);
} finally {
  rmSync(partial, { force: true });
}
parentPort?.postMessage(target);
