/**
 * Runs a file import in a worker thread (`agenda-worker.ts`): decoding, parsing, validating,
 * planning and the one commit transaction all happen beside the server's event loop, on the
 * worker's own connection to the database file. Only the report comes back. A worker that
 * crashes or dies gives an `interrupted` reading (French message) for the caller to refuse the
 * file with, never a request left waiting; its uncommitted transaction leaves nothing behind.
 */
import type { ResourceLimits } from 'node:worker_threads';
import type { ActorRef, CentreConfig, ImportReport } from '@gfa/shared';
import { startWorker } from '../db/worker-thread.js';
import type { ImportOutcome, ImportRequest } from './import-request.js';
import type { AgendaReading } from './read-agenda.js';

export interface ImportWorkerInput {
  /** The database file: the worker opens its own connection to it. */
  readonly database: string;
  readonly bytes: Uint8Array;
  readonly request: Omit<ImportRequest, 'bytes'>;
  readonly config: CentreConfig;
  readonly actor: ActorRef;
  readonly now: number;
}

export type ImportWorkerResult = ImportOutcome | { readonly interrupted: AgendaReading };

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

export function importInWorker(
  input: ImportWorkerInput,
  options: { readonly resourceLimits?: ResourceLimits } = {},
): Promise<ImportWorkerResult> {
  return new Promise((resolve) => {
    const worker = startWorker(BODY, input, options);
    let settled = false;
    const settle = (result: ImportWorkerResult) => {
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
    };
    worker.on('message', (outcome: { report: ImportReport; commitMs: number | null }) => settle(outcome));
    worker.on('error', (error) => {
      // The precise cause for the log (no file content in it); the administrator gets the French report.
      console.error(`Import : le lecteur de fichier a échoué (${error.name}: ${error.message}).`);
      settle({ interrupted });
    });
    worker.on('exit', (code) => {
      if (!settled) console.error(`Import : le lecteur de fichier s’est arrêté (code ${code}).`);
      settle({ interrupted });
    });
  });
}
