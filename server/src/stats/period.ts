/** Loads a period (days in local time) and computes its statistics: rolled-up days from SQL, the others from their visits. */
import { loadConfig } from '../db/config-store.js';
import type { Db } from '../db/database.js';
import { mergeCube } from './cube.js';
import { cubeFromRollups, cubeFromVisits, daysWithoutRollup } from './rollups.js';
import { statisticsFromCube, type Statistics } from './statistics.js';

export function statisticsFor(db: Db, from: string, to: string): Statistics {
  const cube = cubeFromRollups(db, from, to);
  mergeCube(cube, cubeFromVisits(db, daysWithoutRollup(db, from, to)));
  return statisticsFromCube({ from, to }, cube, loadConfig(db));
}
