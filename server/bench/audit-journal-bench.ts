/**
 * Part of `npm run bench:data`: the audit trail on a 500,000-record hash-chained journal (about ten years of a
 * centre's journal): the full-text index's fill by its migration, the searches (a year or a day, with or without a
 * word) with the worst event-loop delay each causes, the banner's verdict after new records, and the background full
 * walk with the longest slice it holds the event loop for.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChainMonitor, journalSequence } from '../src/audit/chain-monitor.js';
import { searchAudit } from '../src/audit/audit-search.js';
import { databaseFile, openDatabase } from '../src/db/database.js';
import { chainHash, GENESIS } from '../src/db/journal-chain.js';
import { appendEntry } from '../src/db/journal-store.js';
import { withLoopProbe } from './loop-probe.js';

const RECORDS = 500_000;
const DAY_MS = 24 * 3600_000;

const f = (ms: number): string => `${ms.toFixed(1)} ms`;

/** The statement of the audit search's migration that indexes the records already written. */
function migrationFill(): string {
  const file = new URL('../drizzle/0013_data_audit_search.sql', import.meta.url);
  const fill = readFileSync(file, 'utf8')
    .split('--> statement-breakpoint')
    .find((statement) => statement.trim().startsWith('INSERT INTO `events_search`'));
  if (!fill) throw new Error('no fill statement in the audit search migration');
  return fill;
}

/** Median of five runs, in milliseconds. */
function median(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[2] as number;
}

export async function benchAuditJournal(): Promise<string[]> {
  const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-bench-audit-'))));
  const first = Date.parse('2021-01-04T07:00:00Z');
  let start = performance.now();
  const insert = handle.sqlite.prepare(
    `insert into events (at, type, actor_kind, actor_id, visit_id, step_id, professional_id, data, hash)
     values (?, ?, 'user', ?, ?, null, ?, ?, ?)`,
  );
  handle.sqlite.transaction(() => {
    let previous = GENESIS;
    for (let i = 0; i < RECORDS; i += 1) {
      // ~140 records a day over ten years, as a centre of 80 visitors a day writes.
      const row = {
        at: first + Math.floor(i / 140) * DAY_MS + (i % 140) * 180_000,
        type: i % 7 === 0 ? 'auth.login' : 'visit.care_finished',
        actorKind: 'user',
        actorId: `u${i % 25}`,
        visitId: `v${Math.floor(i / 5)}`,
        stepId: null,
        professionalId: `p${i % 25}`,
        data: { box: `Box ${i % 9}` },
      };
      previous = chainHash(previous, row);
      insert.run(
        row.at,
        row.type,
        row.actorId,
        row.visitId,
        row.professionalId,
        JSON.stringify(row.data),
        previous,
      );
    }
  })();
  const generated = performance.now() - start;
  const lastDay = new Date(first + Math.floor((RECORDS - 1) / 140) * DAY_MS).toISOString().slice(0, 10);
  const yearBefore = new Date(Date.parse(lastDay) - 365 * DAY_MS).toISOString().slice(0, 10);

  const chain = new ChainMonitor(handle.db, journalSequence(handle.sqlite));
  const walked = await withLoopProbe(() => chain.fullWalk());
  const { value: walk, ms: fullWalk, worstMs: longestSlice } = walked;
  if (!walk.ok) throw new Error(`bench journal broken: ${walk.reason}`);

  // The migration's fill of the full-text index, on these 500,000 records (emptied first).
  handle.sqlite.exec(`insert into events_search (events_search) values ('delete-all')`);
  start = performance.now();
  handle.sqlite.exec(migrationFill());
  const indexFill = performance.now() - start;

  // A search runs on the request path: the loop waits for all of it (median of 5, then probed once).
  const searches = [
    ['a year, a word (« box 3 »)', { from: yearBefore, to: lastDay, q: 'box 3' }],
    ['a year, an actor (« u7 »)', { from: yearBefore, to: lastDay, q: 'u7' }],
    ['a year, no word', { from: yearBefore, to: lastDay, q: undefined }],
    ['a day, a word', { from: lastDay, to: lastDay, q: 'box 3' }],
    ['a day, no word', { from: lastDay, to: lastDay, q: undefined }],
  ] as const;
  const searchLines: string[] = [];
  for (const [label, period] of searches) {
    const run = () => searchAudit(handle.db, { ...period, type: undefined }, 500);
    const time = median(run);
    const probe = await withLoopProbe(run);
    searchLines.push(
      `  search of ${label.padEnd(38)} ${f(time)} (${probe.value.records.length} records), worst event-loop delay ${f(probe.worstMs)}`,
    );
  }
  for (let i = 0; i < 100; i += 1)
    appendEntry(handle.db, {
      type: 'auth.login',
      at: Date.now(),
      actor: { kind: 'user', id: 'u1' },
      visitId: null,
      stepId: null,
      professionalId: null,
      data: {},
    });
  start = performance.now();
  const banner = chain.status();
  const bannerTime = performance.now() - start;
  await chain.stop();
  handle.close();
  return [
    `audit journal generated: ${RECORDS} chained records   ${f(generated)}`,
    `  full-text index filled by the migration (${RECORDS} records)  ${f(indexFill)}`,
    ...searchLines,
    `  banner verdict after 100 new records (${banner.records})  ${f(bannerTime)}`,
    `  full walk in the background (${walk.records} records)      ${f(fullWalk)}, longest slice ${f(longestSlice)}`,
  ];
}
