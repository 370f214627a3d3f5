/**
 * The journal is a hash chain: any altered, removed or reordered record makes
 * `gfa audit verify` (a real child process) fail and name the first bad one;
 * an untouched journal verifies.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseFile } from '../../src/db/database.js';
import { openDayWithGhislaine } from '../retention/day-with-ghislaine.js';

const bin = resolve(import.meta.dirname, '../../bin/gfa.mjs');
let pristine: string;
let records: number;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gfa-audit-'));
  const handle = await openDayWithGhislaine(dir);
  records = (handle.sqlite.prepare('select count(*) as n from events').get() as { n: number }).n;
  handle.close();
  pristine = databaseFile(dir);
});

/** A copy of the journal's database, tampered with by `edit`, then verified by the CLI. */
function verifyAfter(edit: (db: Database.Database) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'gfa-audit-'));
  copyFileSync(pristine, databaseFile(dir));
  const db = new Database(databaseFile(dir));
  edit(db);
  db.close();
  return spawnSync(process.execPath, [bin, 'audit', 'verify', '--data-dir', dir], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('gfa audit verify', () => {
  it('an untouched journal verifies and prints its head', () => {
    expect(records).toBeGreaterThanOrEqual(3);
    const run = verifyAfter(() => undefined);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Journal d’audit intègre : ${records} enregistrements vérifiés.`);
    expect(run.stdout).toMatch(/Empreinte du dernier enregistrement : [0-9a-f]{64}/);
  });

  it('an altered record is named', () => {
    const run = verifyAfter((db) =>
      db.prepare(`update events set data = json_set(data, '$.tampered', 1) where seq = 3`).run(),
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Journal d’audit altéré : enregistrement n° 3 modifié');
  });

  it('an altered actor or time is named', () => {
    const run = verifyAfter((db) =>
      db.prepare(`update events set actor_id = 'quelqu-un', at = at + 1 where seq = 2`).run(),
    );
    expect(run.stderr).toContain('enregistrement n° 2 modifié');
  });

  it('a removed record is named', () => {
    const run = verifyAfter((db) => db.prepare('delete from events where seq = 2').run());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('enregistrement n° 2 supprimé');
  });

  it('reordered records are named', () => {
    const run = verifyAfter((db) => {
      db.prepare('update events set seq = -2 where seq = 2').run();
      db.prepare('update events set seq = 2 where seq = 3').run();
      db.prepare('update events set seq = 3 where seq = -2').run();
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('enregistrement n° 2 modifié, déplacé');
  });

  it('removing the last records is seen against the journal counter', () => {
    const run = verifyAfter((db) => db.prepare('delete from events where seq = ?').run(records));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`enregistrement n° ${records} supprimé`);
  });

  it('a hash wiped out is not silently re-sealed', () => {
    const run = verifyAfter((db) => db.prepare('update events set hash = null where seq >= 2').run());
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('enregistrement n° 2');
  });
});
