/**
 * Statistics of group sessions (rules Q-GROUP-*): one session with N participants counts as one session,
 * and the facilitators' time once per session and per facilitator — never N times; the figures are the same
 * from the visits and from the rollups of anonymised days (day and month rows).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, EngineCommand, EngineResult } from '../../src/domain/index.js';
import type { CentreConfig, GroupAction, Id, JournalEntry, Statistics } from '@gfa/shared';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { commitTransition, loadVisits } from '../../src/db/day-store.js';
import { entriesBetween } from '../../src/db/journal-store.js';
import { anonymiseBefore } from '../../src/retention/anonymise.js';
import { statisticsFor } from '../../src/stats/period.js';
import { computeStatistics } from '../../src/stats/statistics.js';
import { csvArchive } from '../../src/stats/full-export.js';
import { statisticsTables } from '../../src/stats/tables.js';
import { tablesToXlsx } from '../../src/stats/xlsx-writer.js';
import { DAY, Day, T0, appointment, makeConfig, staff } from '../domain/fixtures.js';

function groupConfig(): CentreConfig {
  const base = makeConfig();
  return {
    ...base,
    professionals: base.professionals.map((p) => (p.id === 'diane' ? { ...p, reasonIds: ['etpc'] } : p)),
    templates: base.templates.map((t) =>
      t.id === 'tpl-etpc'
        ? { ...t, steps: t.steps.map((s) => ({ ...s, group: { capacity: 10, facilitators: 2 } })) }
        : t,
    ),
  };
}

/** The engine's day, every committed result also written through the day store when a database is given. */
class RecordedDay extends Day {
  readonly journal: JournalEntry[] = [];
  constructor(private readonly handle: OpenDatabase | null) {
    super(groupConfig());
  }
  override run(command: EngineCommand, actor: Actor): EngineResult {
    const result = super.run(command, actor);
    if (result.ok) {
      const seqs = this.handle
        ? commitTransition(this.handle.db, result)
        : result.events.map((_, i) => i + 1);
      result.events.forEach((e, i) => this.journal.push({ ...e, seq: seqs[i] as number }));
    }
    return result;
  }
}

/** A session of four participants run by Carole and Diane for 90 min, and one individual care of Carole's. */
function sessionDay(handle: OpenDatabase | null): RecordedDay {
  const day = new RecordedDay(handle);
  day.available('carole');
  day.available('diane');
  const ids: Id[] = [];
  for (let i = 0; i < 4; i += 1) ids.push(day.arrive(appointment(`g${i}`, 'etpc', T0)));
  const group = (professionalId: Id, action: GroupAction) =>
    day.ok({ type: 'group', professionalId, action }, staff(professionalId));
  group('carole', { type: 'call' });
  const sessionId = day.visit(ids[0] as Id).steps[0]?.session?.id as Id;
  group('diane', { type: 'join', sessionId });
  day.advance(5);
  group('carole', { type: 'start', sessionId });
  day.advance(90);
  group('carole', { type: 'finish', sessionId });
  const eip = day.arrive(appointment('e1', 'eip', day.now, 'carole'));
  day.care(eip, 'carole');
  return day;
}

const sessionDayStatistics = (): Statistics => {
  const day = sessionDay(null);
  return computeStatistics({ from: DAY, to: DAY }, Object.values(day.state.visits), day.journal, day.config);
};

describe('group sessions in the statistics', () => {
  it('one session of four counts once, and once per facilitator in their cares', () => {
    const stats = sessionDayStatistics();
    expect(stats.groups).toEqual([
      {
        reasonId: 'etpc',
        label: 'ETP collectif',
        sessions: 1,
        participants: 4,
        participantsPerSession: 4,
        meanSessionMinutes: 90,
        facilitatorMinutes: 180,
      },
    ]);
    const carole = stats.byProfessional.find((r) => r.professionalId === 'carole');
    const diane = stats.byProfessional.find((r) => r.professionalId === 'diane');
    // The session (90 min, once) and the individual care (10 min): two cares, not five.
    expect(carole?.cares).toBe(2);
    expect(carole?.care.max).toBe(90);
    expect(diane).toMatchObject({ cares: 1, care: { count: 1, mean: 90 } });
    // Each participant's own wait still counts.
    expect(carole?.wait.count).toBe(5);
    expect(stats.all.handled).toBe(5);
  });

  it('the statistics exports hold the sessions: an XLSX sheet and a CSV file read back', async () => {
    const stats = sessionDayStatistics();
    const tables = statisticsTables(stats);
    const headings = [
      'Motif de visite',
      'Séances',
      'Participants',
      'Participants par séance (moyenne)',
      'Durée d’une séance moyenne (min)',
      'Minutes d’animation (durée × animateurs)',
    ];
    const sheets = await readXlsxFile(Buffer.from(await tablesToXlsx(tables)));
    expect(sheets.find((s) => s.sheet === 'Séances collectives')?.data).toEqual([
      headings,
      ['ETP collectif', 1, 4, 4, 90, 180],
    ]);

    const unzipped = unzipSync(csvArchive(tables));
    const csv = strFromU8(unzipped['seances-collectives.csv'] as Uint8Array);
    expect(parse(csv, { delimiter: ';', bom: true })).toEqual([
      headings,
      ['ETP collectif', '1', '4', '4', '90', '180'],
    ]);
  });

  it('a period without session has no groups field', () => {
    const day = new RecordedDay(null);
    day.available('luc');
    const id = day.arrive(appointment('e1', 'eip', T0, 'carole'));
    day.available('carole');
    day.care(id, 'carole');
    const stats = computeStatistics(
      { from: DAY, to: DAY },
      Object.values(day.state.visits),
      day.journal,
      day.config,
    );
    expect(stats.groups).toBeUndefined();
  });

  describe('from the rollups of anonymised days', () => {
    let handle: OpenDatabase;
    let before: Statistics;
    let month: Statistics;
    const period = { from: '2026-11-01', to: '2026-11-30' };

    beforeAll(() => {
      handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-group-stats-'))));
      sessionDay(handle);
      before = statisticsFor(handle.db, DAY, DAY);
      month = statisticsFor(handle.db, period.from, period.to);
      anonymiseBefore(handle.db, '2026-12-01', Date.parse('2026-12-02T01:00:00Z'));
    });
    afterAll(() => handle.close());

    it('the day and its whole month give the same figures as before', () => {
      expect(handle.sqlite.prepare('select count(*) from stat_group_days').pluck().get()).toBe(2);
      expect(before.groups?.[0]).toMatchObject({ sessions: 1, participants: 4, facilitatorMinutes: 180 });
      expect(statisticsFor(handle.db, DAY, DAY)).toEqual(before);
      expect(statisticsFor(handle.db, period.from, period.to)).toEqual(month);
      expect(month.groups).toEqual(before.groups);
    });

    it('the stored steps keep the session (facilitators only, no name)', () => {
      const visits = loadVisits(handle.db, DAY, DAY);
      const steps = visits.flatMap((v) => v.steps).filter((s) => s.session);
      expect(steps).toHaveLength(4);
      expect(steps[0]?.session?.facilitatorIds).toEqual(['carole', 'diane']);
      expect(steps[0]?.group).toEqual({ capacity: 10, facilitators: 2 });
      expect(entriesBetween(handle.db, 0, Number.MAX_SAFE_INTEGER).length).toBeGreaterThan(20);
    });
  });
});
