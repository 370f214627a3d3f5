/**
 * What an import is asked (a file through a profile) and what its run gives back: named apart from
 * `import-appointments.ts` so that the worker's side (`import-in-worker.ts`) can use them without
 * importing the module that starts it.
 */
import type { ImportProfile, ImportReport } from '@gfa/shared';

export interface ImportRequest {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly profile: ImportProfile;
  readonly dryRun: boolean;
  /** The number of cancellations the administrator confirmed, or `any` (a profile allowing them unattended). */
  readonly confirmCancellations?: number | 'any';
  /** Adds and updates only: what the source omits stays (a push, not a whole day's file). */
  readonly incremental?: boolean;
}

/** Where a written import's time went, in ms: the figures `npm run bench:data` prints. */
export interface ImportPhases {
  /** From asking for the worker thread until its body runs (thread, modules loaded); 0 in-process. */
  readonly startMs: number;
  /** Decode, parse, headings, every row checked (`read-agenda.ts`). */
  readonly readMs: number;
  /** Matched with what is stored (`plan-changes.ts`). */
  readonly planMs: number;
  /** The plan written to the connection's TEMP table, outside the write lock (`commit-plan.ts`). */
  readonly stageMs: number;
  /** The one write transaction of the rows and their journal entry. */
  readonly commitMs: number;
}

export interface ImportOutcome {
  readonly report: ImportReport;
  /** How long each phase lasted (none: nothing written). */
  readonly phases: ImportPhases | null;
}
