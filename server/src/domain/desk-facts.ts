/**
 * What an assignment round (Q-OFFER-*) needs to know about the day's desks,
 * worked out once per desks record: most commands change no desk, and a
 * desks record is never changed once its command has ended (a command that
 * changes a desk copies the record first, see Draft). So this is asked only
 * at the end of a command or of a finished state's desks.
 */
import type { CentreConfig, Desk, Id, Millis, Professional, QueueRef } from '@gfa/shared';
import { queueServed } from './queues.js';

export interface DeskFacts {
  /** Someone who came today has left (Q-ROUTE-6). */
  readonly anyOffline: boolean;
  /** The available desks of active professionals, in the desks' order. */
  readonly available: readonly { readonly professional: Professional; readonly since: Millis }[];
  /** Q-ROUTE-5, Q-ROUTE-6: does the queue (of this key) have a professional to serve it today? */
  served(queue: QueueRef, key: string): boolean;
}

const byConfig = new WeakMap<CentreConfig, Map<Id, Professional>>();

/** The configured professionals by id (the first of an id, as a search would find). */
export function professionalsById(config: CentreConfig): Map<Id, Professional> {
  let byId = byConfig.get(config);
  if (!byId) {
    byId = new Map();
    for (const p of config.professionals) if (!byId.has(p.id)) byId.set(p.id, p);
    byConfig.set(config, byId);
  }
  return byId;
}

function factsOf(config: CentreConfig, desks: Readonly<Record<Id, Desk>>): DeskFacts {
  const byId = professionalsById(config);
  const all = Object.values(desks);
  const available = all.flatMap((desk) => {
    const professional = desk.state === 'available' ? byId.get(desk.professionalId) : undefined;
    return professional?.active ? [{ professional, since: desk.since }] : [];
  });
  const served = new Map<string, boolean>();
  return {
    anyOffline: all.some((d) => d.state === 'offline'),
    available,
    served: (queue, key) => {
      let ok = served.get(key);
      if (ok === undefined) served.set(key, (ok = queueServed(queue, config, desks)));
      return ok;
    },
  };
}

const known = new WeakMap<object, { config: CentreConfig; facts: DeskFacts }>();

export function deskFacts(config: CentreConfig, desks: Readonly<Record<Id, Desk>>): DeskFacts {
  let entry = known.get(desks);
  if (entry?.config !== config) known.set(desks, (entry = { config, facts: factsOf(config, desks) }));
  return entry.facts;
}
