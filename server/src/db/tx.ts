/**
 * The write transaction as a type. A store that must not write alone (its
 * rows belong with a journal entry, or with other writes) takes a `Tx`, which
 * only `writeTransaction` hands out; work that must wait for the commit (a
 * live publication) is queued with `afterCommit` and runs once the outermost
 * transaction has committed — never when it rolled back.
 */
import type { Db } from './db-handle.js';

declare const insideTransaction: unique symbol;

/**
 * When the thread may write without waiting for SQLite's lock: undefined now, or a promise of the
 * end of another writer's turn (an import worker's commit, `import/commit-turn.ts`). A write
 * started during that turn would sleep the event loop on the lock (busy_timeout) for its length.
 */
export type WriteTurn = () => Promise<void> | undefined;

/** A handle inside a write transaction opened by `writeTransaction`. */
export type Tx = Db & { readonly [insideTransaction]: true };

interface Open {
  readonly root: Db;
  readonly committed: (() => void)[];
}

const open = new WeakMap<Db, Open>();

/**
 * Runs `work` in one transaction (IMMEDIATE on the database, a savepoint when
 * `db` is already a `Tx`), then what it queued with `afterCommit`.
 */
export function writeTransaction<T>(db: Db, work: (tx: Tx) => T): T {
  const outer = open.get(db);
  const here: Open = { root: outer?.root ?? db, committed: [] };
  const result = db.transaction((raw) => {
    const handle: Db = raw;
    // The one place a transaction becomes a Tx: the brand says it was opened here.
    const tx = handle as Tx;
    open.set(tx, here);
    return work(tx);
  });
  // A savepoint hands its queue to the enclosing transaction: nothing runs before the real commit.
  if (outer) outer.committed.push(...here.committed);
  else for (const run of here.committed) run();
  return result;
}

/** Queues `run` for after the commit of the transaction `tx` belongs to; it gets the database. */
export function afterCommit(tx: Tx, run: (db: Db) => void): void {
  const state = open.get(tx);
  if (!state) throw new Error('afterCommit called with a handle writeTransaction did not open');
  state.committed.push(() => run(state.root));
}
