/**
 * Rule Q-REQUEUE-1: a consultant sent back to the queue as absent keeps the
 * time he waited, but the professional who sent him back is not offered him
 * again (nor given him by « Appeler le suivant ») during a cooldown, nor while
 * someone who was already waiting for that professional still waits. Other
 * professionals may take him at once; anyone may still call him by name.
 * Kept apart from the pick policy so that policies stay interchangeable.
 */
import { REQUEUE_COOLDOWN_DEFAULT, type CentreConfig, type Id, type Millis } from '@gfa/shared';
import type { Candidate } from './types.js';

const MINUTE = 60_000;

export interface SplitCandidates {
  /** Those the professional may be offered or given by « Appeler le suivant ». */
  readonly eligible: Candidate[];
  /** Sent back by this professional, not to be proposed to them yet (shown last). */
  readonly deferred: Candidate[];
}

function isDeferred(
  c: Candidate,
  others: readonly Candidate[],
  professionalId: Id,
  now: Millis,
  cooldownMs: number,
): boolean {
  const requeued = c.visit.requeued;
  if (!requeued || requeued.professionalId !== professionalId) return false;
  if (now - requeued.at < cooldownMs) return true;
  // Someone already waiting for me when he was sent back still waits: they go first.
  return others.some(
    (o) => o.visit.id !== c.visit.id && o.visit.readySince !== null && o.visit.readySince <= requeued.at,
  );
}

export function splitRequeued(
  candidates: readonly Candidate[],
  professionalId: Id,
  now: Millis,
  config: CentreConfig,
): SplitCandidates {
  const cooldownMs = (config.policy.requeueCooldownMinutes ?? REQUEUE_COOLDOWN_DEFAULT) * MINUTE;
  const eligible: Candidate[] = [];
  const deferred: Candidate[] = [];
  for (const c of candidates) {
    (isDeferred(c, candidates, professionalId, now, cooldownMs) ? deferred : eligible).push(c);
  }
  return { eligible, deferred };
}
