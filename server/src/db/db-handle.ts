/**
 * The drizzle handle over the schema, on its own so that the stores that
 * `openDatabase` calls (journal sealing, settings) can name it without
 * importing the module that opens the file.
 */
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from './schema.js';

export type Db = BetterSQLite3Database<typeof schema>;
