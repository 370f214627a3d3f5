/**
 * Issue 18, task 2: the audit search's free text, answered by SQLite's full-text index. What a
 * word matches: the actor's readable name or login, the record's type and a word of its details
 * — case and accents ignored (« reception » finds « Réception »), a word's beginning enough
 * (« récep »), several words as the phrase they form. Real SQLite file, the demo centre's users.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActorRef, AuditQuery } from '@gfa/shared';
import { searchAudit } from '../../src/audit/audit-search.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { appendAudit, type AuditType } from '../../src/db/journal-audit.js';
import { seedDemo } from '../../src/demo/seed-demo.js';

const DAY = '2026-11-26';
const at = (hour: number): number => Date.parse(`${DAY}T${String(hour).padStart(2, '0')}:00:00Z`);
let handle: OpenDatabase;
const seqs: Record<string, number> = {};

beforeAll(async () => {
  handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-audit-search-'))));
  await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
  const add = (key: string, hour: number, type: AuditType, actor: ActorRef, data: Record<string, unknown>) =>
    (seqs[key] = appendAudit(handle.db, at(hour), type, actor, data).seq);
  add('reception', 8, 'auth.login', { kind: 'user', id: 'sophie' }, { poste: 'Réception principale' });
  add('box3', 9, 'auth.login', { kind: 'user', id: 'luc' }, { box: 'Box 3' });
  add('box31', 10, 'auth.login', { kind: 'user', id: 'luc' }, { box: 'Box 31' });
  add(
    'export',
    11,
    'retention.anonymised',
    { kind: 'system', id: 'jobs' },
    { fichier: 'statistiques-2026.xlsx' },
  );
  add('coeur', 12, 'auth.login', { kind: 'user', id: 'carole' }, { note: 'Salle CŒUR, étage 2' });
});
afterAll(() => handle.close());

const actorSophie: ActorRef = { kind: 'user', id: 'sophie' };
const keys = (...names: string[]): number[] => names.map((n) => seqs[n] as number);

// A long period is looked up in the full-text index, a short one read whole: both give the same answers.
describe.each([
  ['from the full-text index', 0],
  ['reading the period', Number.POSITIVE_INFINITY],
])('the audit search, %s', (_way, scanBelow) => {
  const search = (q: string | undefined, query: Partial<AuditQuery> = {}): number[] =>
    searchAudit(handle.db, { from: DAY, to: DAY, q, type: undefined, ...query }, 500, scanBelow)
      .records.map((r) => r.seq)
      .filter((seq) => Object.values(seqs).includes(seq));

  it('ignores case and accents: « reception », « RÉCEPTION », « Reception » find « Réception »', () => {
    for (const q of ['reception', 'RÉCEPTION', 'Reception', 'réception principale'])
      expect(search(q), q).toEqual(keys('reception'));
  });

  it('finds a word by its beginning, and several words as the phrase they form', () => {
    expect(search('récep')).toEqual(keys('reception'));
    expect(search('statis')).toEqual(keys('export'));
    // « box 3 » is the phrase: Box 3 and Box 31 hold it (newest first), not Réception's record.
    expect(search('box 3')).toEqual(keys('box31', 'box3'));
    expect(search('box 31')).toEqual(keys('box31'));
    expect(search('3 box')).toEqual([]);
  });

  it("finds the actor's readable name, login, and « système » for the system", () => {
    expect(search('Sophie Bernard')).toEqual(keys('reception'));
    expect(search('sophie')).toEqual(keys('reception'));
    expect(search('système')).toEqual(keys('export'));
    expect(search('systeme')).toEqual(keys('export'));
  });

  it('finds the type and a word of the details, « cœur » as typed', () => {
    expect(search('retention.anonymised')).toEqual(keys('export'));
    expect(search('anonymised')).toEqual(keys('export'));
    expect(search('cœur')).toEqual(keys('coeur'));
    expect(search('étage 2')).toEqual(keys('coeur'));
    expect(search('etage')).toEqual(keys('coeur'));
  });

  it('keeps the period and the type filters, newest first; no word lists everything', () => {
    expect(search(undefined)).toEqual(keys('coeur', 'export', 'box31', 'box3', 'reception'));
    expect(search('box', { type: 'retention.anonymised' })).toEqual([]);
    expect(search('box', { from: '2026-11-27', to: '2026-11-27' })).toEqual([]);
    expect(search('introuvable')).toEqual([]);
    // Punctuation alone is no word: the search falls back to reading the period.
    expect(search('«')).toEqual([]);
  });

  it('finds a record appended after the index was built, in the same transaction', () => {
    const later = '2026-11-28';
    const seq = appendAudit(handle.db, Date.parse(`${later}T13:00:00Z`), 'auth.login', actorSophie, {
      poste: `Accueil Médoc ${scanBelow}`,
    }).seq;
    const found = searchAudit(
      handle.db,
      { from: later, to: later, q: `medoc ${scanBelow}`, type: undefined },
      500,
      scanBelow,
    );
    expect(found.records.map((r) => r.seq)).toEqual([seq]);
  });
});
