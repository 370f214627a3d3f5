/**
 * The drizzle handle over the schema, on its own so that the stores that
 * `openDatabase` calls (journal sealing, settings) can name it without
 * importing the module that opens the file. It is the query surface that the
 * opened database and its transactions share, so a store takes either.
 */
import type { RunResult } from 'better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import type * as schema from './schema.js';

export type Db = BaseSQLiteDatabase<'sync', RunResult, typeof schema>;
