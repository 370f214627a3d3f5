/**
 * Records the fixture day of the supervision tests: a realistic morning
 * driven through the real engine, saved as its journal and final state in
 * fixture-day.json (committed). Re-run only when the scenario changes:
 *   npx tsx server/test/supervision/record-fixture-day.ts
 * The expected figures in supervision.test.ts are computed by hand from the
 * timeline written below, not from this script.
 */
import { writeFileSync } from 'node:fs';
import { T0, appointment, makeConfig, min, staff } from '../domain/fixtures.js';
import { RecordingDay } from './recording-day.js';

const day = new RecordingDay(makeConfig());
for (const who of ['christelle', 'luc', 'carole', 'patrick']) day.at(0).available(who);
// Appointments: A 08:00, B 08:10 (EPS), C 08:20 (EPS Constances), D 09:00 (EIP, never comes),
// E 10:50 (EPS, not yet due), G 10:00 (EPS).
const expect = (id: string, reason: string, at: number): string =>
  day.at(0).ok({ type: 'expect', appointment: appointment(id, reason, T0 + min(at)) }, staff('system'))
    .visitId as string;
const A = expect('A', 'eps', 0);
const B = expect('B', 'eps', 10);
const C = expect('C', 'epsc', 20);
expect('D', 'eip', 60);
expect('E', 'eps', 170);
const G = expect('G', 'eps', 120);
const checkIn = (id: string, at: number): void => {
  day
    .at(at)
    .ok(
      { type: 'check_in', visitId: id },
      { ref: { kind: 'device', id: 'borne' }, roles: [], professionalId: null },
    );
};
checkIn(A, 5);
checkIn(B, 8);
checkIn(C, 30);
day.step(A, 'christelle', 10, 11, 21);
day.step(B, 'christelle', 22, 23, 30);
day.step(A, 'luc', 25, 26, 46);
day.step(B, 'carole', 31, 32, 42);
day.step(C, 'christelle', 35, 36, 44);
day.step(B, 'patrick', 45, 46, 51);
day.step(A, 'carole', 47, 48, 58);
day
  .at(50)
  .ok({ type: 'visit', visitId: C, action: { type: 'away', reason: 'auto_prelevement' } }, staff('carole'));
day.step(B, 'luc', 55, 56, 76);
day.step(A, 'patrick', 60, 61, 66);
day
  .at(90)
  .ok(
    { type: 'desk', professionalId: 'christelle', action: { type: 'presence', state: 'paused' } },
    staff('christelle'),
  );
day.at(100).ok(
  {
    type: 'walk_in',
    identity: { civility: 'Mme', firstName: 'Flore', lastName: 'SANSRDV', birthDate: '1970-02-03' },
    reasonId: 'psy',
    professionalId: null,
  },
  staff('christelle'),
);
checkIn(G, 125);
day.at(150).available('christelle');
day.step(G, 'christelle', 155, null, null);

const fixture = {
  recordedWith: 'server/test/supervision/record-fixture-day.ts',
  now: T0 + min(180),
  config: day.config,
  visits: Object.values(day.state.visits),
  desks: Object.values(day.state.desks),
  journal: day.journal,
};
writeFileSync(new URL('./fixture-day.json', import.meta.url), `${JSON.stringify(fixture, null, 1)}\n`);
console.log(`recorded ${day.journal.length} journal entries, ${fixture.visits.length} visits`);
