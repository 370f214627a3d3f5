/**
 * One appointment writer at a time per database: a file import plans against
 * what is stored (in its worker), then commits, so another import or an agenda
 * push landing in between would be planned over. They queue here instead.
 */
const lanes = new WeakMap<object, Promise<unknown>>();

export function inImportLane<T>(db: object, work: () => Promise<T> | T): Promise<T> {
  const run = (lanes.get(db) ?? Promise.resolve()).then(work);
  lanes.set(
    db,
    run.catch(() => undefined),
  );
  return run;
}
