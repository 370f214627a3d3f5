/**
 * The drizzle handle over the schema, on its own so that the stores that
 * `openDatabase` calls (journal sealing, settings) can name it without
 * importing the module that opens the file. It is the query surface that the
 * opened database and its transactions share, so a store takes either.
 */
import type Database from 'better-sqlite3';
import type { RunResult } from 'better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema.js';

export type Db = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;

/**
 * The better-sqlite3 connection under a drizzle handle or one of its transactions: both hold it
 * as their session's `client` (absent from the `Db` type; only the top handle also has `$client`).
 */
export const clientOf = (db: Db): Database.Database =>
  (db as unknown as { readonly session: { readonly client: Database.Database } }).session.client;
