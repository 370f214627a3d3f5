/**
 * The import worker's body: reads one agenda file (`read-agenda.ts`), then plans and commits it
 * on its own connection to the database (WAL, busy_timeout: it takes the write lock only for the
 * commit's one transaction), and posts the outcome back.
 */
import { parentPort } from 'node:worker_threads';
import { openConnection } from '../db/database.js';
import { workerInput } from '../db/worker-thread.js';
import { planAndCommit, sourceOf } from './import-appointments.js';
import type { ImportWorkerData } from './import-in-worker.js';
import { readAgendaFile } from './read-agenda.js';

const { database, bytes, request, config, actor, now, startedAt } = workerInput<ImportWorkerData>();
const reading = performance.timeOrigin + performance.now();
const startMs = reading - startedAt;
const read = await readAgendaFile(bytes, request.profile, config, sourceOf(request.profile));
const readMs = performance.timeOrigin + performance.now() - reading;
const connection = openConnection(database);
try {
  parentPort?.postMessage(planAndCommit(connection.db, request, read, actor, now, { startMs, readMs }));
} finally {
  connection.close();
}
