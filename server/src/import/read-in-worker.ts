/**
 * Runs `readAgendaFile` in a worker thread, so that decoding, parsing and
 * validating a large agenda never holds the server's event loop. The rows
 * come back in batches (one large message would take the main thread as long
 * to receive as to parse); a worker that crashes or dies gives a rejected
 * reading with a French message, never a request left waiting.
 */
import type { ResourceLimits } from 'node:worker_threads';
import type { CentreConfig, ImportProfile } from '@gfa/shared';
import { startWorker } from '../db/worker-thread.js';
import type { AgendaReading } from './read-agenda.js';
import type { ImportedAppointment } from './rows.js';

export interface AgendaWorkerInput {
  readonly bytes: Uint8Array;
  readonly profile: ImportProfile;
  readonly config: CentreConfig;
  readonly source: string;
}

/** Worker → server; the server answers each `rows` batch with `'next'` when it is ready for another. */
export type AgendaWorkerMessage =
  | { readonly kind: 'rows'; readonly rows: ImportedAppointment[] }
  | { readonly kind: 'done'; readonly reading: Omit<AgendaReading, 'appointments'> };

/** Rows per message: each is received in a few milliseconds. */
export const ROWS_PER_MESSAGE = 250;

const BODY = new URL('./agenda-worker.ts', import.meta.url);

const interrupted: AgendaReading = {
  encoding: '',
  delimiter: '',
  rows: 0,
  appointments: [],
  errors: [
    {
      line: 1,
      column: '',
      message:
        'Lecture du fichier interrompue (erreur interne du serveur) : rien n’a été importé, réessayez. Si l’erreur se reproduit, enregistrez le fichier à nouveau en CSV.',
    },
  ],
  unknownValues: [],
  duplicates: 0,
};

export function readAgendaInWorker(
  input: AgendaWorkerInput,
  options: { readonly resourceLimits?: ResourceLimits } = {},
): Promise<AgendaReading> {
  return new Promise((resolve) => {
    const worker = startWorker(BODY, input, options);
    const appointments: ImportedAppointment[] = [];
    let settled = false;
    const settle = (reading: AgendaReading) => {
      if (settled) return;
      settled = true;
      resolve(reading);
      void worker.terminate();
    };
    worker.on('message', (message: AgendaWorkerMessage) => {
      if (message.kind === 'done') return settle({ ...message.reading, appointments });
      appointments.push(...message.rows);
      // Asked one batch at a time: Node delivers every queued message in one go, which would hold the loop.
      setImmediate(() => worker.postMessage('next'));
    });
    worker.on('error', (error) => {
      // The precise cause for the log (no file content in it); the administrator gets the French report.
      console.error(`Import : le lecteur de fichier a échoué (${error.name}: ${error.message}).`);
      settle(interrupted);
    });
    worker.on('exit', (code) => {
      if (!settled) console.error(`Import : le lecteur de fichier s’est arrêté (code ${code}).`);
      settle(interrupted);
    });
  });
}
