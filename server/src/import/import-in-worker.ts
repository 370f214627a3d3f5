/**
 * Runs a file import in a worker thread (`agenda-worker.ts`): decoding, parsing, validating,
 * planning and the one commit transaction all happen beside the server's event loop, on the
 * worker's own connection to the database file; the commit takes its turn with the server's writes
 * (`commit-turn.ts`). Only the report comes back. The worker started ahead by the previous import
 * is used when one waits (`spare-worker.ts`). A worker that
 * crashes or dies gives an `interrupted` reading (French message) for the caller to refuse the
 * file with, never a request left waiting (nor a write held); its uncommitted transaction leaves
 * nothing behind.
 */
import type { ResourceLimits } from 'node:worker_threads';
import type { ActorRef, CentreConfig } from '@gfa/shared';
import { startWorker } from '../db/worker-thread.js';
import { holdWrites } from './commit-turn.js';
import { keepSpare, takeSpare } from './spare-worker.js';
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

/** What the worker is given: the input, when it was asked for (its start-up time), its turn's flag. */
export interface ImportWorkerData extends ImportWorkerInput {
  /** `performance.timeOrigin + performance.now()` of the main thread as it started the worker. */
  readonly startedAt: number;
  /** One Int32 the main thread sets to 1 (and notifies) once its writes are held for the commit. */
  readonly turnFlag: SharedArrayBuffer;
}

/** The worker's commit begins (it waits for the flag) or has ended (`commit-turn.ts`). */
export interface TurnMessage {
  readonly turn: 'begin' | 'end';
}

/** How long the worker waits for its turn before it commits anyway (a main thread stuck that long). */
export const TURN_WAIT_MS = 2_000;

export type ImportWorkerResult = ImportOutcome | { readonly interrupted: AgendaReading };

/** The worker's body (the build rewrites it to the bundled `dist/import/agenda-worker.mjs`). */
export const AGENDA_WORKER = new URL('./agenda-worker.ts', import.meta.url);

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
  options: {
    readonly resourceLimits?: ResourceLimits;
    /** Another build of the body: `bench:data`, run from the sources, times the production bundle's. */
    readonly body?: URL;
  } = {},
): Promise<ImportWorkerResult> {
  return new Promise((resolve) => {
    const turnFlag = new SharedArrayBuffer(4);
    const data: ImportWorkerData = {
      ...input,
      startedAt: performance.timeOrigin + performance.now(),
      turnFlag,
    };
    const body = options.body ?? AGENDA_WORKER;
    // A worker with its own limits is started for this import alone; else the spare, if one waits.
    const shared = options.resourceLimits === undefined;
    const spare = shared ? takeSpare(body) : undefined;
    const worker = spare ?? startWorker(body, data, options);
    spare?.postMessage(data);
    let settled = false;
    // The server's writes held while the worker commits: released when it ends, crashes or exits.
    let release = (): void => undefined;
    const settle = (result: ImportWorkerResult) => {
      release();
      if (settled) return;
      settled = true;
      resolve(result);
      void worker.terminate();
      if (shared) keepSpare(body);
    };
    worker.on('message', (message: ImportOutcome | TurnMessage) => {
      if (!('turn' in message)) return settle(message);
      if (message.turn === 'end') return release();
      release = holdWrites(input.database);
      const flag = new Int32Array(turnFlag);
      Atomics.store(flag, 0, 1);
      Atomics.notify(flag, 0);
    });
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
