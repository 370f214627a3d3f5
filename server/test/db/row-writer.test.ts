/**
 * The live path writes its rows through `rowWriter` (plain prepared statements) instead of
 * drizzle's builder: the stored rows must be exactly those drizzle wrote — JSON and boolean
 * columns mapped by the schema, nulls, an upsert replacing every other column — and a row read
 * back through drizzle must give the values written.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clientOf } from '../../src/db/db-handle.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { rowWriter } from '../../src/db/row-writer.js';
import * as t from '../../src/db/schema.js';
import { writeTransaction } from '../../src/db/tx.js';

let handle: OpenDatabase;
beforeEach(() => {
  handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-row-writer-'))));
});
afterEach(() => handle.close());

const visit = (id: string, state: string): Required<typeof t.visits.$inferInsert> => ({
  id,
  day: '2026-11-24',
  appointmentId: null,
  appointmentAt: 1_764_000_000_000,
  appointmentProfessionalId: null,
  reasonId: 'eps',
  templateId: 'tpl-eps',
  templateVersion: 2,
  civility: 'Mme',
  firstName: 'Zoé',
  lastName: 'L’Hôte-Œuvray',
  birthDate: null,
  state,
  priorityClass: 1,
  arrivedAt: 1_764_000_100_000,
  readySince: null,
  awayReason: null,
  awaySince: null,
  offerProfessionalId: null,
  offerStepId: null,
  offerAt: null,
  requeuedBy: null,
  requeuedAt: null,
  endedAt: null,
});
const step = (visitId: string, id: string): Required<typeof t.visitSteps.$inferInsert> => ({
  id,
  visitId,
  ord: 0,
  key: 'prelevement',
  label: 'Prélèvement',
  target: { kind: 'category', categoryId: 'preleveur' },
  estimatedMinutes: 10,
  after: ['accueil', 'infirmier'],
  optional: true,
  added: false,
  status: 'pending',
  professionalId: null,
  roomId: 'labo-1',
  calledAt: null,
  callCount: 0,
  startedAt: null,
  endedAt: null,
  groupSettings: { capacity: 8, facilitators: 2 } as never,
  session: null,
});
/** The stored row as SQLite holds it (not as drizzle maps it back). */
const raw = (table: string, id: string) =>
  clientOf(handle.db).prepare(`select * from ${table} where id = ?`).get(id);

describe('rowWriter', () => {
  it('stores exactly what drizzle’s insert stored, JSON and booleans included', () => {
    const visits = rowWriter(t.visits, ['id']);
    const steps = rowWriter(t.visitSteps);
    writeTransaction(handle.db, (tx) => {
      tx.insert(t.visits).values(visit('v-drizzle', 'waiting')).run();
      tx.insert(t.visitSteps).values(step('v-drizzle', 's-drizzle')).run();
      visits.write(tx, visit('v-writer', 'waiting'));
      steps.write(tx, step('v-writer', 's-writer'));
    });
    const without = (row: unknown, ...keys: string[]) =>
      Object.fromEntries(Object.entries(row as object).filter(([key]) => !keys.includes(key)));
    expect(without(raw('visits', 'v-writer'), 'id')).toEqual(without(raw('visits', 'v-drizzle'), 'id'));
    const stepByWriter = without(raw('visit_steps', 's-writer'), 'id', 'visit_id');
    expect(stepByWriter).toEqual(without(raw('visit_steps', 's-drizzle'), 'id', 'visit_id'));
    expect(stepByWriter).toMatchObject({ optional: 1, added: 0, after: '["accueil","infirmier"]' });
    // Read back through drizzle: the schema's own mapping gives the values written.
    const back = handle.db.select().from(t.visitSteps).where(eq(t.visitSteps.id, 's-writer')).get();
    expect(back).toEqual(step('v-writer', 's-writer'));
  });

  it('an upsert replaces every other column on its key; deleteWhere removes by column', () => {
    const desks = rowWriter(t.desks, ['day', 'professionalId']);
    const notes = rowWriter(t.notes);
    writeTransaction(handle.db, (tx) => {
      desks.write(tx, {
        day: '2026-11-24',
        professionalId: 'luc',
        state: 'present',
        roomId: 'cab-1',
        since: 1,
      });
      desks.write(tx, { day: '2026-11-24', professionalId: 'luc', state: 'away', roomId: null, since: 2 });
      desks.write(tx, {
        day: '2026-11-25',
        professionalId: 'luc',
        state: 'present',
        roomId: 'cab-2',
        since: 3,
      });
    });
    expect(handle.db.select().from(t.desks).orderBy(t.desks.day).all()).toEqual([
      { day: '2026-11-24', professionalId: 'luc', state: 'away', roomId: null, since: 2 },
      { day: '2026-11-25', professionalId: 'luc', state: 'present', roomId: 'cab-2', since: 3 },
    ]);
    writeTransaction(handle.db, (tx) => {
      rowWriter(t.visits, ['id']).write(tx, visit('v1', 'waiting'));
      for (const id of ['n1', 'n2'])
        notes.write(tx, { id, visitId: 'v1', at: 5, authorId: 'luc', text: 'à jeun' });
      notes.deleteWhere(tx, 'visitId', 'v1');
    });
    expect(handle.db.select().from(t.notes).all()).toEqual([]);
  });
});
