/**
 * The import worker's body: reads one agenda file (`read-agenda.ts`), then plans and commits it
 * on its own connection to the database (WAL, busy_timeout: it takes the write lock only for the
 * commit's one transaction, after the main thread gave it its turn), and posts the outcome back.
 */
import { parentPort } from 'node:worker_threads';
import { openConnection } from '../db/database.js';
import { workerInput } from '../db/worker-thread.js';
import type { CommitTurn } from './commit-plan.js';
import { planAndCommit, sourceOf } from './import-appointments.js';
import { TURN_WAIT_MS, type ImportWorkerData, type TurnMessage } from './import-in-worker.js';
import { readAgendaFile } from './read-agenda.js';

// A spare (`spare-worker.ts`) is started without its input: the import comes as its first message.
const input =
  workerInput<ImportWorkerData | null>() ??
  (await new Promise<ImportWorkerData>((next) => parentPort?.once('message', next)));
const { database, bytes, request, config, actor, now, startedAt, turnFlag } = input;
const reading = performance.timeOrigin + performance.now();
const startMs = reading - startedAt;
const read = await readAgendaFile(bytes, request.profile, config, sourceOf(request.profile));
const readMs = performance.timeOrigin + performance.now() - reading;

const post = (message: TurnMessage) => parentPort?.postMessage(message);
const flag = new Int32Array(turnFlag);
const turn: CommitTurn = {
  // Asks, then sleeps until the main thread holds its writes (it answers between two of its tasks);
  // past TURN_WAIT_MS it commits anyway: busy_timeout still orders the two writers.
  begin: () => {
    post({ turn: 'begin' });
    Atomics.wait(flag, 0, 0, TURN_WAIT_MS);
  },
  end: () => post({ turn: 'end' }),
};

const connection = openConnection(database);
try {
  parentPort?.postMessage(planAndCommit(connection.db, request, read, actor, now, { startMs, readMs }, turn));
} finally {
  connection.close();
}
