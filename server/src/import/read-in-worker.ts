/**
 * Runs `readAgendaFile` in a worker thread, so that decoding, parsing and
 * validating a large agenda never holds the server's event loop. The rows
 * come back in batches (one large message would take the main thread as long
 * to receive as to parse); a worker that crashes or dies gives a rejected
 * reading with a French message, never a request left waiting.
 */
import { Worker, type ResourceLimits } from 'node:worker_threads';
import type { CentreConfig, ImportProfile } from '@gfa/shared';
import type { AgendaReading } from './read-agenda.js';
import type { ImportedAppointment } from './rows.js';

export interface AgendaWorkerInput {
  readonly bytes: Uint8Array;
  readonly profile: ImportProfile;
  readonly config: CentreConfig;
  readonly source: string;
}

export type AgendaWorkerMessage =
  | { readonly kind: 'rows'; readonly rows: ImportedAppointment[] }
  | { readonly kind: 'done'; readonly reading: Omit<AgendaReading, 'appointments'> };

/** Rows per message: each is received in a few milliseconds. */
export const ROWS_PER_MESSAGE = 1_000;

/** The worker's entry registers the TypeScript loader, as `bin/gfa.mjs` does for the server. */
const ENTRY = new URL('../../bin/import-worker.mjs', import.meta.url);

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
    const worker = new Worker(ENTRY, {
      workerData: input,
      ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    });
    const appointments: ImportedAppointment[] = [];
    let settled = false;
    const settle = (reading: AgendaReading) => {
      if (settled) return;
      settled = true;
      resolve(reading);
      void worker.terminate();
    };
    worker.on('message', (message: AgendaWorkerMessage) => {
      if (message.kind === 'rows') appointments.push(...message.rows);
      else settle({ ...message.reading, appointments });
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
