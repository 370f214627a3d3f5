/** The forecast's durations read back from a real journal (Q-FORECAST-4). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { recentCareDurations } from '../../src/stats/care-durations.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { commitTransition } from '../../src/db/day-store.js';
import type { EngineCommand, Actor } from '../../src/domain/index.js';
import { learnDurations } from '../../src/stats/learn-durations.js';
import { Day, T0, appointment, min } from '../domain/fixtures.js';

const opened: OpenDatabase[] = [];
afterEach(() => {
  for (const h of opened.splice(0)) if (h.sqlite.open) h.close();
});

/** A Day whose every result is committed to a real SQLite file, as the queue service does. */
class CommittedDay extends Day {
  constructor(readonly handle: OpenDatabase) {
    super();
  }
  override run(command: EngineCommand, actor: Actor) {
    const result = super.run(command, actor);
    if (result.ok) commitTransition(this.handle.db, result);
    return result;
  }
}

describe('care durations from the journal', () => {
  it('Q-FORECAST-4: reads each finished care with its step, category, measured minutes and walk', () => {
    const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-durations-'))));
    opened.push(handle);
    const day = new CommittedDay(handle);
    for (let i = 0; i < 9; i += 1) {
      const id = day.arrive(appointment(`a${i}`, 'eps', T0));
      day.care(id, 'christelle'); // 1 min walk, 10 min of care
    }
    const cares = recentCareDurations(handle.db, day.config, T0);
    expect(cares).toHaveLength(9);
    expect(cares[0]).toEqual({ stepKey: 'admin', categoryId: 'admin', minutes: 10, walkMinutes: 1 });
    expect(recentCareDurations(handle.db, day.config, day.now + min(1))).toEqual([]);
    expect(learnDurations(cares).care).toEqual({ 'admin|admin': 10 });
    expect(learnDurations(cares).walkMinutes).toBe(1);
  });
});
