/** Loads a period (days in local time) and computes its statistics. */
import { loadConfig } from '../db/config-store.js';
import type { Db } from '../db/database.js';
import { loadVisits } from '../db/day-store.js';
import { entriesBetween } from '../db/journal-store.js';
import { localInstant } from '../calendar/local-time.js';
import { computeStatistics, type Statistics } from './statistics.js';

export function statisticsFor(db: Db, from: string, to: string): Statistics {
  const visits = loadVisits(db, from, to);
  const events = entriesBetween(db, localInstant(from, 0), localInstant(to, 24 * 60) - 1);
  return computeStatistics({ from, to }, visits, events, loadConfig(db));
}
