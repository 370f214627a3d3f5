/**
 * THE way to journal a configuration change: one `config.changed` entry
 * (who, when, what, before, after) appended inside the caller's transaction,
 * and its live publication queued for after the commit. Every configuration
 * write goes through it, so none journals without publishing, or publishes
 * a change that was rolled back.
 */
import type { ActorRef, JournalEntry } from '@gfa/shared';
import type { Db } from './db-handle.js';
import { appendEntry } from './journal-store.js';
import { afterCommit, type Tx } from './tx.js';

export interface ConfigurationChange {
  readonly at: number;
  readonly actor: ActorRef;
  /** What changed: `policy`, `room:r1`, `import-profile:agenda`... */
  readonly subject: string;
  readonly before: unknown;
  readonly after: unknown;
  /** Kept with the change besides before/after (an explicit confirmation...). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

export type ChangeListener = (entry: JournalEntry) => void;

const listeners = new WeakMap<Db, ChangeListener[]>();

/** Who is told of each committed change of `db` (the running server: reload, then push to screens). */
export function onConfigurationChange(db: Db, listener: ChangeListener): () => void {
  const list = listeners.get(db) ?? [];
  listeners.set(db, [...list, listener]);
  return () =>
    listeners.set(
      db,
      (listeners.get(db) ?? []).filter((l) => l !== listener),
    );
}

export function recordChange(tx: Tx, change: ConfigurationChange): JournalEntry {
  const { at, actor, subject, before, after, detail } = change;
  const content = {
    type: 'config.changed' as const,
    at,
    actor,
    visitId: null,
    stepId: null,
    professionalId: null,
    data: { subject, before, after, ...detail },
  };
  const entry: JournalEntry = { ...content, seq: appendEntry(tx, content) };
  afterCommit(tx, (db) => {
    for (const listener of listeners.get(db) ?? []) listener(entry);
  });
  return entry;
}
