/**
 * A drizzle query built once per database handle instead of on every call. Building a query is
 * most of what a small one costs: authenticating a request ran four of them, and drizzle's query
 * building (`is()` checks, SQL assembly) was ~80 % of its CPU. Values come in as placeholders.
 * A transaction's handle is a new object each time, so it simply builds its own.
 */
import type { Db } from './db-handle.js';

export function preparedPerDb<T, D extends object = Db>(build: (db: D) => T): (db: D) => T {
  const built = new WeakMap<D, T>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
