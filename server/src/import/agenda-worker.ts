/** The import worker's body: reads one agenda file (`read-agenda.ts`) and posts its rows back in batches. */
import { parentPort, workerData } from 'node:worker_threads';
import { readAgendaFile } from './read-agenda.js';
import { ROWS_PER_MESSAGE, type AgendaWorkerInput, type AgendaWorkerMessage } from './read-in-worker.js';

const input = workerData as AgendaWorkerInput;
const { appointments, ...reading } = await readAgendaFile(
  input.bytes,
  input.profile,
  input.config,
  input.source,
);
const post = (message: AgendaWorkerMessage) => parentPort?.postMessage(message);
for (let i = 0; i < appointments.length; i += ROWS_PER_MESSAGE)
  post({ kind: 'rows', rows: appointments.slice(i, i + ROWS_PER_MESSAGE) });
post({ kind: 'done', reading });
