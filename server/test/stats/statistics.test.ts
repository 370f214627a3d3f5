/**
 * The "éléments de pilotage" on a small hand-computed day, through the
 * engine, a real SQLite file, and the XLSX/CSV exports read back by another
 * reader (Debian's python3-openpyxl).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '@gfa/shared';
import type { Actor, EngineCommand } from '../../src/domain/index.js';
import { computeStatistics } from '../../src/stats/statistics.js';
import { statisticsTables } from '../../src/stats/tables.js';
import { tableToCsv } from '../../src/stats/csv-writer.js';
import { tablesToXlsx } from '../../src/stats/xlsx-writer.js';
import { Day, DAY, appointment, min, staff, system, T0 } from '../domain/fixtures.js';

/** A day driven through the engine, keeping its journal. */
class RecordedDay extends Day {
  readonly journal: JournalEntry[] = [];
  override run(command: EngineCommand, actor: Actor) {
    const result = super.run(command, actor);
    if (result.ok) for (const e of result.events) this.journal.push({ ...e, seq: this.journal.length + 1 });
    return result;
  }
  careBy(id: string, who: string, duration: number): void {
    this.act(id, { type: 'call' }, staff(who));
    this.advance(1);
    this.act(id, { type: 'start' }, staff(who));
    this.advance(duration);
    this.act(id, { type: 'finish' }, staff(who));
  }
}

/** Minutes from 08:00: A arrives 0; B 2; C never comes; D comes at 30 and leaves at 40 unseen. */
function fixtureDay(): RecordedDay {
  const day = new RecordedDay();
  const a = day.arrive(appointment('a', 'eps', T0));
  day.ok({ type: 'expect', appointment: appointment('c', 'eps', T0 + min(60)) }, system);
  day.advance(2);
  const b = day.arrive(appointment('b', 'eps', T0 + min(5)));
  day.careBy(a, 'christelle', 8); // called 2, care 3→11
  day.careBy(b, 'christelle', 12); // called 11, care 12→24
  day.act(b, { type: 'leave' }, staff('sophie'));
  day.careBy(a, 'luc', 20); // called 24 (ready since 11), care 25→45
  day.careBy(a, 'carole', 5); // called 45, care 46→51
  day.careBy(a, 'patrick', 3); // called 51, care 52→55: journey done at 55
  day.now = T0 + min(30);
  const d = day.arrive(appointment('d', 'eps', T0 + min(30)));
  day.advance(10);
  day.act(d, { type: 'leave' }, staff('sophie'));
  return day;
}

const stats = () => {
  const day = fixtureDay();
  return computeStatistics({ from: DAY, to: DAY }, Object.values(day.state.visits), day.journal, day.config);
};

describe('statistics of a hand-computed day', () => {
  it('care count and durations per professional (mean, median, p90, min, max)', () => {
    const byPro = Object.fromEntries(stats().byProfessional.map((r) => [r.professionalId, r]));
    expect(byPro.christelle).toMatchObject({
      cares: 2,
      care: { mean: 10, median: 8, p90: 12, min: 8, max: 12 },
    });
    expect(byPro.luc).toMatchObject({ cares: 1, care: { mean: 20, median: 20, p90: 20 } });
    expect(byPro.carole?.care.mean).toBe(5);
    expect(byPro.patrick?.care.mean).toBe(3);
  });

  it('waiting time before each care, from the moment the consultant was available', () => {
    const byPro = Object.fromEntries(stats().byProfessional.map((r) => [r.professionalId, r]));
    expect(byPro.christelle?.wait).toMatchObject({ count: 2, mean: 5.5, median: 2, p90: 9 });
    expect(byPro.luc?.wait).toMatchObject({ mean: 13 });
    expect(stats().all.wait).toEqual({ count: 5, mean: 4.8, median: 2, p90: 13, min: 0, max: 13 });
  });

  it('care durations per profession and for all', () => {
    const s = stats();
    expect(s.byCategory.map((r) => [r.categoryId, r.cares])).toEqual([
      ['admin', 2],
      ['infirmier', 1],
      ['medecin', 1],
      ['preleveur', 1],
    ]);
    expect(s.all.care).toEqual({ count: 5, mean: 9.6, median: 8, p90: 20, min: 3, max: 20 });
    expect(s.all.cares).toBe(5);
    expect(s.all.carePerProfessional).toBe(1.3);
  });

  it('journey duration by reason; convened not come; came not handled', () => {
    const s = stats();
    expect(s.all).toMatchObject({ visits: 4, handled: 2, convenedNotCome: 1, cameNotHandled: 1 });
    expect(s.all.journey).toMatchObject({ count: 1, mean: 55 });
    expect(s.byReason).toEqual([
      expect.objectContaining({ reasonId: 'eps', convened: 4, handled: 2, notCome: 1, cameNotHandled: 1 }),
    ]);
  });
});

describe('exports', () => {
  it('CSV for French Excel: BOM, semicolons, numbers with a decimal comma', () => {
    const csv = tableToCsv(statisticsTables(stats())[0] as ReturnType<typeof statisticsTables>[number]);
    expect(csv.startsWith('\uFEFFProfessionnel;Prises en charge;')).toBe(true);
    expect(csv).toContain('christelle;2;10;8;12;8;12;5,5;2;9;2;9');
  });

  it.runIf(existsSync('/usr/bin/python3'))(
    'XLSX read back by openpyxl holds the same typed values',
    async () => {
      const tables = statisticsTables(stats());
      const file = join(mkdtempSync(join(tmpdir(), 'gfa-xlsx-')), 'stats.xlsx');
      writeFileSync(file, await tablesToXlsx(tables));
      const script = `
import json, sys, openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
print(json.dumps({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in book.worksheets}))`;
      const read = JSON.parse(
        execFileSync('/usr/bin/python3', ['-c', script, file], { encoding: 'utf8' }),
      ) as Record<string, unknown[][]>;
      for (const table of tables) {
        expect(read[table.name]).toEqual([table.columns.map((c) => c.label), ...table.rows]);
      }
      expect(typeof read['Par professionnel']?.[1]?.[1]).toBe('number');
    },
  );
});
