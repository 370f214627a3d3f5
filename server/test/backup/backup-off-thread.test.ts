/**
 * Issue 18: a backup runs beside the screens. Its snapshot, compression, encryption and file
 * write all happen in the worker thread, so the server's thread never holds a copy of the
 * database: receiving one (structured clone of ~the database's size, then a copy and its garbage
 * collection) held the event loop 130–370 ms on a 400 MB database. Measured without a clock: the
 * server thread's `arrayBuffers` stay far below the database's size while the backup runs.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBackup } from '../../src/backup/backups.js';
import { databaseFile, openDatabase } from '../../src/db/database.js';

const MB = 1024 * 1024;

describe('a backup', () => {
  it('never brings the database’s bytes onto the server’s thread', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gfa-backup-thread-'));
    const handle = openDatabase(databaseFile(dataDir));
    try {
      // 30 MB that gzip cannot shrink: the sealed backup is about as large as the database.
      handle.sqlite.exec('create table filler (blob blob)');
      const insert = handle.sqlite.prepare('insert into filler values (?)');
      handle.sqlite.transaction(() => {
        for (let i = 0; i < 30; i += 1) insert.run(randomBytes(MB));
      })();
      const before = process.memoryUsage().arrayBuffers;
      let peak = before;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage().arrayBuffers);
      }, 1);
      const file = await createBackup(handle.sqlite, dataDir, {
        passphrase: 'phrase de passe des sauvegardes',
        now: new Date('2026-11-24T22:30:00Z'),
      });
      clearInterval(sampler);
      expect(statSync(file).size).toBeGreaterThan(30 * MB);
      expect((peak - before) / MB).toBeLessThan(5);
    } finally {
      handle.close();
    }
  });
});
