/**
 * `npm run bench:data`: imports of 10,000 and 40,000 appointments as the production server runs them
 * (its bundled worker; the time of each phase); the
 * statistics over four years of anonymised history (~80,000 visits, read from the per-day rollups the
 * anonymisation writes: the one-off rollup time is printed too, then each view); the XLSX export of
 * one year, the full export and an encrypted backup; the audit search on 500,000 records. Beside
 * each long task, the worst event-loop delay a probe timer saw while it ran (a synchronous view's
 * delay is its own time). Real SQLite file in a temp folder; prints figures.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../src/db/config-store.js';
import { databaseFile, openDatabase } from '../src/db/database.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { createBackup } from '../src/backup/backups.js';
import { importCommitted } from '../src/import/commit-turn.js';
import { importInWorker } from '../src/import/import-in-worker.js';
import { inImportLane } from '../src/import/import-lane.js';
import { SPARE_DELAY_MS, takeSpare } from '../src/import/spare-worker.js';
import type { ImportPhases } from '../src/import/import-request.js';
import { STANDARD_PROFILE } from '../src/import/profiles.js';
import { benchAuditJournal } from './audit-journal-bench.js';
import { anonymiseBefore } from '../src/retention/anonymise.js';
import { statisticsFor } from '../src/stats/period.js';
import { cubeFromRollups } from '../src/stats/rollups.js';
import { statisticsFromCube } from '../src/stats/statistics.js';
import { statisticsTables } from '../src/stats/tables.js';
import { tablesToXlsx } from '../src/stats/xlsx-writer.js';
import { tablesToXlsxInWorker } from '../src/stats/xlsx-in-worker.js';
import { fullExportInWorker } from '../src/stats/full-export-in-worker.js';
import { largeAgendaCsv } from '../test/import/fixtures/large-agenda.js';
import { loopFigure, withLoopProbe } from './loop-probe.js';

const ms = (start: number): string => `${(performance.now() - start).toFixed(0)} ms`;
const iso = (d: Date): string => d.toISOString().slice(0, 10);

const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-bench-data-'))));
await seedDemo(handle.db, '2026-11-24', Date.now());
const config = loadConfig(handle.db);

// 1. Imports of 10,000 and 40,000 appointments (80 a day) from one CSV file, through the production path: the
// bundled worker body (`npm run build:server` → dist/import/agenda-worker.mjs, what `npm start` and the Windows
// service start), read, planned and committed in its thread (one transaction on its own connection). The file's
// bytes are made before the probe starts. Beside the total (main thread's view), each phase as the worker timed
// it. Each size is imported three ways: cold (no worker started ahead: the first import since the server
// started); as the import screen does it (a check — dry run —, its report read for two seconds, then the import,
// which gets the worker the check left started, `spare-worker.ts`); and with a professional acting every 5 ms
// on the main thread (an IMMEDIATE transaction, as every action is, awaiting the end of an import commit as the
// write routes do, `commit-turn.ts`): its worst wait is what an action coming during the commit waits, without
// holding the event loop.
// The build script names its inputs from the repository's root: it runs there.
execFileSync(process.execPath, ['build/build-server.mjs'], {
  cwd: fileURLToPath(new URL('../..', import.meta.url)),
});
const BUNDLED_WORKER = new URL('../dist/import/agenda-worker.mjs', import.meta.url);
let importDay = Date.UTC(2027, 0, 4);
const importRun = async (rows: number, { acting = false, checked = false } = {}) => {
  // Each file on days of its own (80 a day), far from the others': nothing to match or cancel.
  const firstDay = new Date(importDay).toISOString().slice(0, 10);
  importDay += (Math.ceil(rows / 80) + 7) * 86_400_000;
  const bytes = largeAgendaCsv(rows, firstDay, `B${firstDay}`);
  const run = (dryRun: boolean) =>
    importInWorker(
      {
        database: handle.sqlite.name,
        bytes,
        request: { file: 'bench.csv', profile: STANDARD_PROFILE, dryRun },
        config,
        actor: { kind: 'system', id: 'bench' },
        now: Date.now(),
      },
      { body: BUNDLED_WORKER },
    );
  const check = checked ? await withLoopProbe(() => run(true)) : null;
  // The administrator reads the check's report (two seconds here) before importing.
  if (checked) await new Promise((r) => setTimeout(r, 2_000));
  let worstAction = 0;
  let active = acting;
  const actions = (async () => {
    while (active) {
      const t0 = performance.now();
      await importCommitted(handle.sqlite.name);
      handle.db.transaction(() => undefined);
      worstAction = Math.max(worstAction, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
    }
  })();
  const probed = await withLoopProbe(() => inImportLane(handle.db, () => run(false)));
  active = false;
  await actions;
  const outcome = probed.value;
  if (!('report' in outcome) || !outcome.phases || outcome.report.created !== rows)
    throw new Error(`import failed: ${JSON.stringify(outcome).slice(0, 500)}`);
  return { ms: probed.ms, worstMs: probed.worstMs, phases: outcome.phases, worstAction, checkMs: check?.ms };
};
const phaseLine = ({ startMs, readMs, planMs, stageMs, commitMs }: ImportPhases): string =>
  `worker start ${startMs.toFixed(0)} ms, read ${readMs.toFixed(0)} ms, plan ${planMs.toFixed(0)} ms, stage ${stageMs.toFixed(0)} ms, commit ${commitMs.toFixed(1)} ms`;
// Cold first: no spare waits yet (the bench's process has imported nothing).
const cold = { 10_000: await importRun(10_000), 40_000: await importRun(40_000) };
const importFigures = async (rows: 10_000 | 40_000) => {
  const screen = await importRun(rows, { checked: true });
  const busy = await importRun(rows, { acting: true });
  const label = `import of ${rows.toLocaleString('en')} appointments (one CSV file, bundled worker)`;
  return [
    `${label}, after its check  ${loopFigure(screen.ms, screen.worstMs)}`,
    `  phases: ${phaseLine(screen.phases)} (its check: ${screen.checkMs?.toFixed(0)} ms)`,
    `  cold (no worker started ahead)  ${loopFigure(cold[rows].ms, cold[rows].worstMs)}; phases: ${phaseLine(cold[rows].phases)}`,
    `  its one commit transaction (worker connection)    ${screen.phases.commitMs.toFixed(1)} ms (${busy.phases.commitMs.toFixed(1)} ms with actions)`,
    `  a professional acting every 5 ms meanwhile: worst wait ${busy.worstAction.toFixed(1)} ms (asynchronous), worst event-loop delay ${busy.worstMs.toFixed(1)} ms`,
  ];
};
const importLines = [...(await importFigures(10_000)), ...(await importFigures(40_000))];
// A day's agenda (80 rows), as the morning's watched folder brings it: the production worker, cold (the spare the
// last import left, started SPARE_DELAY_MS after it, is stopped first, as after a quiet night).
await new Promise((r) => setTimeout(r, SPARE_DELAY_MS + 200));
void takeSpare(BUNDLED_WORKER)?.terminate();
const dayAgenda = await importRun(80);
importLines.push(
  `import of a day's agenda (80 rows, bundled worker, cold)  ${loopFigure(dayAgenda.ms, dayAgenda.worstMs)}; phases: ${phaseLine(dayAgenda.phases)}`,
);

let start = 0;

// 2. Four years of anonymised history: 80 visits a day, 250 days a year, 4 steps each, with their journal.
start = performance.now();
const insertVisit = handle.sqlite.prepare(
  `insert into visits (id, day, appointment_id, reason_id, template_id, template_version, civility, first_name, last_name, state, priority_class, arrived_at, ended_at)
   values (?, ?, ?, 'eps', 'tpl-eps', 1, '', '', ?, 'done', 1, ?, ?)`,
);
const insertStep = handle.sqlite.prepare(
  `insert into visit_steps (id, visit_id, ord, key, label, target, estimated_minutes, after, optional, added, status, professional_id, room_id, called_at, call_count, started_at, ended_at)
   values (?, ?, ?, ?, ?, ?, 15, '[]', 0, 0, 'done', ?, null, ?, 1, ?, ?)`,
);
const insertEvent = handle.sqlite.prepare(
  `insert into events (at, type, actor_kind, actor_id, visit_id, step_id, professional_id, data) values (?, ?, 'user', ?, ?, ?, ?, '{}')`,
);
const steps = [
  ['admin', 'administratif', 'christelle'],
  ['medecin', 'medecin', 'luc'],
  ['infirmier', 'infirmier', 'carole'],
  ['preleveur', 'preleveur', 'patrick'],
] as const;
let visits = 0;
handle.sqlite.transaction(() => {
  for (let d = 0; d < 4 * 365; d += 1) {
    const date = new Date(Date.UTC(2022, 0, 1 + d));
    if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
    const day = iso(date);
    for (let v = 0; v < 80; v += 1) {
      const id = randomUUID();
      let t = date.getTime() + (7 * 60 + v * 6) * 60_000;
      const arrived = t;
      insertEvent.run(t, 'visit.checked_in', 'kiosk', id, null, null);
      const rows: [string, number, number, number][] = [];
      for (const [, , who] of steps) {
        const called = t + (5 + (v % 7)) * 60_000;
        const started = called + 60_000;
        const ended = started + (10 + ((v + d) % 15)) * 60_000;
        rows.push([who, called, started, ended]);
        t = ended;
      }
      insertVisit.run(id, day, null, `ANONYME-${v}`, arrived, t);
      rows.forEach(([who, called, started, ended], ord) => {
        const stepId = randomUUID();
        const [key, categoryId] = steps[ord] as (typeof steps)[number];
        insertStep.run(
          stepId,
          id,
          ord,
          key,
          key,
          JSON.stringify({ kind: 'category', categoryId }),
          who,
          called,
          started,
          ended,
        );
        insertEvent.run(ended, 'visit.care_finished', who, id, stepId, who);
      });
      visits += 1;
    }
  }
})();
const historyTime = ms(start);

// The nightly anonymisation writes each day's rollup; here, once for the four years (an update's first night).
start = performance.now();
anonymiseBefore(handle.db, '2026-01-01', Date.now());
const rollupTime = ms(start);

/** Median of five runs: the figure of a warm server, not of the first call after start. */
const timed = (run: () => unknown): string => {
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return `${(times.sort((a, b) => a - b)[2] as number).toFixed(1)} ms`;
};
const fourYears = statisticsFor(handle.db, '2022-01-01', '2025-12-31');
const statsTime = timed(() => statisticsFor(handle.db, '2022-01-01', '2025-12-31'));
const cube = cubeFromRollups(handle.db, '2022-01-01', '2025-12-31');
const cubeTime = timed(() => cubeFromRollups(handle.db, '2022-01-01', '2025-12-31'));
const viewTimes = (['byProfessional', 'byCategory', 'byReason', 'all'] as const).map(
  (view) =>
    [
      view,
      timed(() => statisticsFromCube({ from: '2022-01-01', to: '2025-12-31' }, cube, config)[view]),
    ] as const,
);
// What a statistics request holds the loop for: the sums and every view, as the route computes them.
const statsProbe = await withLoopProbe(() => statisticsFor(handle.db, '2022-01-01', '2025-12-31'));
start = performance.now();
const oneYear = statisticsTables(statisticsFor(handle.db, '2025-01-01', '2025-12-31'));
const oneYearTime = ms(start);
// The writer alone, apart from the statistics it writes: in-process (the CLI), then in its worker (the server).
const xlsxProbe = await withLoopProbe(() => tablesToXlsx(oneYear));
const xlsx = xlsxProbe.value;
const xlsxWorker = await withLoopProbe(() => tablesToXlsxInWorker(oneYear));
const fullExport = await withLoopProbe(() => fullExportInWorker(handle.sqlite.name));
const backupDir = mkdtempSync(join(tmpdir(), 'gfa-bench-backup-'));
const backup = await withLoopProbe(() =>
  createBackup(handle.sqlite, backupDir, { passphrase: 'phrase de passe du banc', now: new Date() }),
);

console.log(
  `\nGFA data benchmark (SQLite file, this machine, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})\n`,
);
for (const line of importLines) console.log(line);
console.log(`history generated: ${visits} anonymised visits     ${historyTime}`);
console.log(`rollups of the four years written (once, by the anonymisation)  ${rollupTime}`);
console.log(
  `statistics over four years (${fourYears.all.visits} visits, ${fourYears.all.cares} cares), all views  ${statsTime}`,
);
console.log(`  SQLite sums of the rollups (shared by every view)   ${cubeTime}`);
for (const [view, time] of viewTimes)
  console.log(`  view ${view.padEnd(15)} from the sums              ${time}`);
console.log(
  `  one statistics request (sums + every view)          ${loopFigure(statsProbe.ms, statsProbe.worstMs)}`,
);
console.log(
  `XLSX export of one year's statistics: compute ${oneYearTime}, write (${xlsx.length} bytes) ${loopFigure(xlsxProbe.ms, xlsxProbe.worstMs)}`,
);
console.log(
  `  the same written in its worker (the server's route)  ${loopFigure(xlsxWorker.ms, xlsxWorker.worstMs)}`,
);
console.log(
  `full export (every table, CSV + XLSX, zipped, ${fullExport.value.length} bytes, worker)  ${loopFigure(fullExport.ms, fullExport.worstMs)}`,
);
console.log(`encrypted backup of the database                  ${loopFigure(backup.ms, backup.worstMs)}`);
handle.close();
for (const line of await benchAuditJournal()) console.log(line);
