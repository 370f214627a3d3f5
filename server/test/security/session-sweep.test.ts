/** Expired sessions leave the database: at server start, then periodically. */
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFile, openDatabase, type Db } from '../../src/db/database.js';
import { createSession } from '../../src/db/staff-store.js';
import { startSessionSweep } from '../../src/security/session-sweep.js';
import { startServer } from '../../src/web/server.js';

const NOW = Date.UTC(2026, 11, 1, 8, 0);
const session = (tokenHash: string, expiresAt: number) => ({
  tokenHash,
  principalKind: 'user' as const,
  principalId: 'u1',
  createdAt: NOW - 3600_000,
  expiresAt,
  lastSeenAt: null,
});
const tokens = (file: string): string[] => {
  const sqlite = new Database(file, { readonly: true });
  try {
    const rows = sqlite.prepare('select token_hash from sessions order by token_hash').all() as {
      token_hash: string;
    }[];
    return rows.map((r) => r.token_hash);
  } finally {
    sqlite.close();
  }
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('session sweep', () => {
  const closers: (() => unknown)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  it('deletes the expired sessions at each tick and stops when told', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gfa-sweep-'));
    const opened = openDatabase(databaseFile(dataDir));
    closers.push(() => opened.close());
    const db: Db = opened.db;
    createSession(db, session('expired-before', NOW - 1));
    createSession(db, session('valid', NOW + 3600_000));
    const stop = startSessionSweep(db, () => NOW, 20);
    expect(tokens(databaseFile(dataDir))).toEqual(['valid']);
    createSession(db, session('expired-later', NOW));
    await wait(120);
    expect(tokens(databaseFile(dataDir))).toEqual(['valid']);
    stop();
    createSession(db, session('expired-after-stop', NOW - 5));
    await wait(80);
    expect(tokens(databaseFile(dataDir))).toEqual(['expired-after-stop', 'valid']);
  });

  it('runs in the server: a session expired while the box was off is gone at start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gfa-sweep-'));
    const server = await startServer({
      dataDir,
      host: '127.0.0.1',
      port: 0,
      now: () => NOW,
      seed: async (db) => {
        createSession(db, session('expired-overnight', NOW - 60_000));
        createSession(db, session('still-valid', NOW + 60_000));
      },
    });
    closers.push(() => server.close());
    expect(tokens(databaseFile(dataDir))).toEqual(['still-valid']);
  });
});
