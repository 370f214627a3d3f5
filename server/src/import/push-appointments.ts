/**
 * Appointments pushed by an agenda integration (JSON): turned into the rows
 * a file would hold, then the same reading, validation and per-source rules
 * as a file import. A push is incremental — it adds and updates by the
 * agenda's id and cancels what it marks « Annulé », never what it omits. It
 * waits for a file import under way (`import-lane.ts`), then is one transaction.
 */
import type {
  ActorRef,
  AgendaPush,
  CentreConfig,
  ImportProfile,
  ImportReport,
  Integration,
} from '@gfa/shared';
import { PUSH_COLUMNS } from '@gfa/shared';
import type { Db } from '../db/database.js';
import type { SheetRow } from './parse.js';
import { runImport } from './import-appointments.js';
import { inImportLane } from './import-lane.js';
import { readAgenda } from './read-agenda.js';

const FIELDS = Object.values(PUSH_COLUMNS);

export function pushAppointments(
  db: Db,
  config: CentreConfig,
  integration: Integration,
  push: AgendaPush,
  values: ImportProfile['values'],
  now: number,
): Promise<ImportReport> {
  // Headings are the JSON field names; `line` of an error is the appointment's rank in the list.
  const header: SheetRow = { line: 0, cells: [...FIELDS] };
  const rows: SheetRow[] = push.appointments.map((a, i) => ({
    line: i + 1,
    cells: FIELDS.map((field) => a[field] ?? ''),
  }));
  const profile: ImportProfile = {
    name: integration.name,
    source: integration.source,
    columns: PUSH_COLUMNS,
    ...(values ? { values } : {}),
  };
  const actor: ActorRef = { kind: 'system', id: `integration:${integration.id}` };
  const reading = readAgenda(
    () => ({ encoding: 'json', delimiter: '', rows: [header, ...rows] }),
    profile,
    config,
    integration.source,
  );
  return inImportLane(db, () =>
    runImport(
      db,
      {
        file: `agenda:${integration.name}`,
        profile,
        dryRun: false,
        confirmCancellations: 'any',
        incremental: true,
      },
      reading,
      actor,
      now,
    ),
  );
}
