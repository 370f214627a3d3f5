/**
 * The import worker's commit takes its turn with the server's own writes. better-sqlite3 waits for
 * SQLite's write lock by sleeping on the thread that asks (busy_timeout): a professional's action
 * asking while a 40,000-row commit holds the lock would freeze the whole event loop for that
 * commit. So the worker asks the main thread first (`import-in-worker.ts`); the main thread, which
 * holds no transaction between two tasks, lets it commit and holds its own writes meanwhile: a
 * write route or a timer's write awaits `importCommitted` (the server hands it out as its
 * `WriteTurn`; the event loop stays free for reads, screens, WebSocket), then runs once the commit
 * has ended — it waits that long, asynchronously, never twice or lost.
 */

const held = new Map<string, Promise<void>>();

/** The end of the import commit under way on this database file, if one is. */
export const importCommitted = (file: string): Promise<void> | undefined => held.get(file);

/** The main thread's writes to `file` wait until the returned release is called (once or more). */
export function holdWrites(file: string): () => void {
  let release = (): void => undefined;
  const ended = new Promise<void>((resolve) => (release = resolve));
  held.set(file, ended);
  return () => {
    if (held.get(file) === ended) held.delete(file);
    release();
  };
}
