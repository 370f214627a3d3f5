/**
 * Opens the SQLite database: WAL, foreign keys, committed drizzle migrations
 * then the settings steps applied before anything else (after a copy of the
 * file, on an update), and a refusal of files from a newer GFA.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db-handle.js';
import { rekeyAppointments } from './appointment-store.js';
import { applySettingsSteps } from './settings-migrator.js';
import { SETTINGS_STEPS, type SettingsStep } from './settings-steps.js';
import * as schema from './schema.js';
import { cacheStatements } from './statement-cache.js';

/** Re-exported: the stores and the rest of the server keep importing it from here. */
export type { Db };

export interface OpenDatabase {
  readonly sqlite: Database.Database;
  readonly db: Db;
  /** Schema version of this file = number of migrations applied. */
  readonly schemaVersion: number;
  close(): void;
}

export class DatabaseTooNewError extends Error {
  readonly userMessage: string;
  constructor(fileVersion: number, knownVersion: number) {
    super(`database schema ${fileVersion} is newer than this build (${knownVersion})`);
    this.userMessage =
      `Cette base de données a été créée par une version plus récente de GFA ` +
      `(schéma ${fileVersion}, cette version connaît ${knownVersion}). Installez la version la plus récente.`;
  }
}

const defaultMigrations = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** Number of migrations this build knows (drizzle-kit's journal). */
export function knownSchemaVersion(migrationsFolder = defaultMigrations): number {
  const journal = JSON.parse(readFileSync(join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/**
 * What every connection sets for itself (WAL is the file's, set once by `openDatabase`).
 * synchronous=FULL under WAL: a committed transaction survives a killed process and a power cut.
 * Statements are prepared once per SQL text (`statement-cache.ts`).
 */
function configureConnection(sqlite: Database.Database): void {
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  cacheStatements(sqlite);
}

export function openDatabase(
  file: string,
  migrationsFolder = defaultMigrations,
  settingsSteps: readonly SettingsStep[] = SETTINGS_STEPS,
): OpenDatabase {
  mkdirSync(dirname(file), { recursive: true });
  const sqlite = new Database(file);
  try {
    sqlite.pragma('journal_mode = WAL');
    configureConnection(sqlite);
    const known = knownSchemaVersion(migrationsFolder);
    const fileVersion = sqlite.pragma('user_version', { simple: true }) as number;
    if (fileVersion > known) throw new DatabaseTooNewError(fileVersion, known);
    if (fileVersion > 0 && fileVersion < known) copyBeforeMigrating(sqlite, file, new Date());
    const db = writerFirst(drizzle(sqlite, { schema }));
    migrate(db, { migrationsFolder });
    sqlite.pragma(`user_version = ${known}`);
    // Look-up keys may be defined anew by an update (any-ascii folding): idempotent, a few ms.
    if (fileVersion > 0 && fileVersion < known) rekeyAppointments(db);
    // Written against the current schema and registry: after every SQL migration, recorded like them.
    applySettingsSteps(db, settingsSteps, Date.now());
    return { sqlite, db, schemaVersion: known, close: () => sqlite.close() };
  } catch (error) {
    sqlite.close();
    throw error;
  }
}

/**
 * A second connection to a database `openDatabase` has already prepared (a worker thread's):
 * the same pragmas and IMMEDIATE transactions, no migration. Its commits reach the server's
 * connection through `data_version` (`foreign-writes.ts`).
 */
export function openConnection(file: string): { readonly db: Db; close(): void } {
  const sqlite = new Database(file, { fileMustExist: true });
  configureConnection(sqlite);
  return { db: writerFirst(drizzle(sqlite, { schema })), close: () => sqlite.close() };
}

/**
 * Every transaction takes SQLite's write lock at BEGIN (IMMEDIATE), not at its first write: when
 * another process (a `gfa` command beside the running server) writes, the transaction waits its
 * turn (busy_timeout) instead of failing with "database is locked" halfway, and what it read —
 * the journal's last hash above all — cannot change under it before it writes.
 */
function writerFirst(db: Db): Db {
  const deferred = db.transaction.bind(db);
  db.transaction = (run, config) => deferred(run, { behavior: 'immediate', ...config });
  return db;
}

/** "20261125-093000" (UTC): the time stamp in the names of backups and copies. */
export const fileStamp = (at: Date): string =>
  at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);

/** Name of the copy taken before an update migrates the database (pruned with the backups). */
export const preMigrationName = (at: Date): string => `gfa-avant-migration-${fileStamp(at)}.sqlite`;

/**
 * An update must never lose data: before the first migration of a newer
 * version touches the file, a consistent copy goes to the backups folder
 * (`VACUUM INTO`, synchronous, readable by the service only).
 */
function copyBeforeMigrating(sqlite: Database.Database, file: string, at: Date): void {
  const folder = join(dirname(file), 'backups');
  mkdirSync(folder, { recursive: true });
  const target = join(folder, preMigrationName(at));
  sqlite.prepare('VACUUM INTO ?').run(target);
  chmodSync(target, 0o600);
}

/** `%ProgramData%\GFA` on Windows, `./data` elsewhere. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env = process.env): string {
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'GFA');
  return join(process.cwd(), 'data');
}

export const databaseFile = (dataDir: string): string => join(dataDir, 'gfa.sqlite');
