/**
 * The import worker's body: reads one agenda file (`read-agenda.ts`), then plans and commits it
 * on its own connection to the database (WAL, busy_timeout: it takes the write lock only for the
 * commit's one transaction), and posts the outcome back.
 */
import { parentPort } from 'node:worker_threads';
import { openConnection } from '../db/database.js';
import { workerInput } from '../db/worker-thread.js';
import { planAndCommit, sourceOf } from './import-appointments.js';
import type { ImportWorkerInput } from './import-in-worker.js';
import { readAgendaFile } from './read-agenda.js';

const { database, bytes, request, config, actor, now } = workerInput<ImportWorkerInput>();
const reading = await readAgendaFile(bytes, request.profile, config, sourceOf(request.profile));
const connection = openConnection(database);
try {
  parentPort?.postMessage(planAndCommit(connection.db, request, reading, actor, now));
} finally {
  connection.close();
}
