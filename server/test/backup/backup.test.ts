/** Encrypted online backups: restore equals the original, a wrong passphrase restores nothing, retention. */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupDecryptError, createBackup, pruneBackups, restoreBackup } from '../../src/backup/backups.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { seedDemo } from '../../src/demo/seed-demo.js';

const PASSPHRASE = 'sauvegarde du CES 2026';
const NOW = new Date('2026-11-24T22:30:00Z');
const temp = (): string => mkdtempSync(join(tmpdir(), 'gfa-backup-'));
const open: OpenDatabase[] = [];
afterEach(() => {
  for (const h of open.splice(0)) if (h.sqlite.open) h.close();
});

/**
 * Every table's rows, in a stable order: the database's logical content. The audit search's
 * full-text index (`events_search*`, some of its tables without rowid) is derived from `events`.
 */
function logicalContent(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'events_search%' order by name",
      )
      .all() as {
      name: string;
    }[];
    return Object.fromEntries(
      tables.map(({ name }) => [name, db.prepare(`select * from "${name}" order by rowid`).all()]),
    );
  } finally {
    db.close();
  }
}

async function demoDatabase(): Promise<{ dataDir: string; handle: OpenDatabase }> {
  const dataDir = temp();
  const handle = openDatabase(databaseFile(dataDir));
  open.push(handle);
  await seedDemo(handle.db, '2026-11-24', NOW.getTime());
  return { dataDir, handle };
}

describe('backups', () => {
  it('backup while the database is open, then restore: the same logical content, table by table', async () => {
    const { dataDir, handle } = await demoDatabase();
    const second = temp();
    const file = await createBackup(handle.sqlite, dataDir, {
      passphrase: PASSPHRASE,
      now: NOW,
      copyTo: second,
    });
    expect(file).toMatch(/backups\/gfa-20261124-223000\.gfabak$/);
    expect(readdirSync(second)).toEqual(['gfa-20261124-223000.gfabak']);
    const raw = readFileSync(file);
    expect(raw.includes(Buffer.from('MARTIN'))).toBe(false);

    const target = temp();
    restoreBackup(file, PASSPHRASE, target, NOW);
    const restored = logicalContent(databaseFile(target));
    expect(Object.keys(restored)).toContain('appointments');
    expect((restored.appointments ?? []).length).toBe(80);
    handle.close();
    expect(restored).toEqual(logicalContent(databaseFile(dataDir)));
  });

  it('a wrong passphrase restores nothing; the previous database is kept on success', async () => {
    const { dataDir, handle } = await demoDatabase();
    const file = await createBackup(handle.sqlite, dataDir, { passphrase: PASSPHRASE, now: NOW });
    const target = temp();
    const existing = openDatabase(databaseFile(target));
    existing.close();
    const before = readFileSync(databaseFile(target));
    expect(() => restoreBackup(file, 'not the passphrase', target, NOW)).toThrow(BackupDecryptError);
    expect(readFileSync(databaseFile(target)).equals(before)).toBe(true);
    expect(readdirSync(target).filter((n) => n.includes('restor'))).toEqual([]);
    const { previous } = restoreBackup(file, PASSPHRASE, target, NOW);
    expect(previous && existsSync(previous) && readFileSync(previous).equals(before)).toBe(true);
  });

  it('backups older than the retention are deleted, newer ones are not', () => {
    const folder = temp();
    for (const name of [
      'gfa-20261020-010000.gfabak',
      'gfa-20261026-010000.gfabak',
      'gfa-20261124-010000.gfabak',
      'notes.txt',
    ]) {
      writeFileSync(join(folder, name), 'x');
    }
    const deleted = pruneBackups(folder, NOW.getTime(), 30);
    expect(deleted).toEqual(['gfa-20261020-010000.gfabak']);
    expect(readdirSync(folder).sort()).toEqual([
      'gfa-20261026-010000.gfabak',
      'gfa-20261124-010000.gfabak',
      'notes.txt',
    ]);
  });
});
