/** A database with one old consultant (Ghislaine Vieuxnom, with a note) on the fixtures' DAY, for the retention tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Appointment } from '@gfa/shared';
import { upsertAppointments } from '../../src/db/appointment-store.js';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { commitTransition } from '../../src/db/day-store.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { Day, T0, appointment, kiosk, staff, system } from '../domain/fixtures.js';

export async function openDayWithGhislaine(
  dataDir = mkdtempSync(join(tmpdir(), 'gfa-retention-')),
): Promise<OpenDatabase> {
  const handle = openDatabase(databaseFile(dataDir));
  await seedDemo(handle.db, '2026-12-10', T0);
  const day = new Day(loadConfig(handle.db));
  const persist = (r: ReturnType<Day['run']>) => {
    if (!r.ok) throw new Error(r.error.detail);
    commitTransition(handle.db, r);
  };
  const old = appointment('joel-old', 'eps', T0);
  const joel: Appointment = {
    ...old,
    externalId: 'SA-OLD-1',
    identity: { ...old.identity, firstName: 'Ghislaine', lastName: 'Vieuxnom', birthDate: '1944-07-14' },
    contact: { birthName: 'Dejeunefille', phone: '05 56 11 22 33', email: 'ghislaine.v@example.fr' },
  };
  upsertAppointments(handle.db, [joel]);
  persist(day.run({ type: 'expect', appointment: joel }, system));
  const id = Object.keys(day.state.visits)[0] as string;
  persist(day.run({ type: 'check_in', visitId: id }, kiosk));
  persist(
    day.run(
      { type: 'visit', visitId: id, action: { type: 'note', text: 'Diabétique, prévoir une collation' } },
      staff('christelle'),
    ),
  );
  return handle;
}
