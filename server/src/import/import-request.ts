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

export interface ImportOutcome {
  readonly report: ImportReport;
  /** How long the one write transaction of the rows and their journal entry lasted (none: nothing written). */
  readonly commitMs: number | null;
}
