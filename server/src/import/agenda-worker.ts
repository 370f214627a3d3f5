/** The import worker's body: reads one agenda file (`read-agenda.ts`) and posts its rows back, one batch per request. */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { workerInput } from '../db/worker-thread.js';
import { readAgendaFile } from './read-agenda.js';
import { ROWS_PER_MESSAGE, type AgendaWorkerInput, type AgendaWorkerMessage } from './read-in-worker.js';

const input = workerInput<AgendaWorkerInput>();
const { appointments, ...reading } = await readAgendaFile(
  input.bytes,
  input.profile,
  input.config,
  input.source,
);
const port = parentPort as MessagePort;
const next = (): Promise<unknown> => new Promise((ready) => port.once('message', ready));
for (let i = 0; i < appointments.length; i += ROWS_PER_MESSAGE) {
  port.postMessage({
    kind: 'rows',
    rows: appointments.slice(i, i + ROWS_PER_MESSAGE),
  } satisfies AgendaWorkerMessage);
  await next();
}
port.postMessage({ kind: 'done', reading } satisfies AgendaWorkerMessage);
