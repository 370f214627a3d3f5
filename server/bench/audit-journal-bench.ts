/**
 * Part of `npm run bench:data`: the audit trail on a 500,000-record hash-chained journal (about ten years of a
 * centre's journal): a day's search, a year's search for a word, the banner's verdict after new records, and the
 * background full walk with the longest slice it holds the event loop for.
 */
import { mkdtempSync } from 'node:fs';
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

  const daySearch = median(() =>
    searchAudit(handle.db, { from: lastDay, to: lastDay, q: undefined, type: undefined }, 500),
  );
  const yearWord = median(() =>
    searchAudit(handle.db, { from: yearBefore, to: lastDay, q: 'box 3', type: undefined }, 500),
  );
  // A search runs on the request path: the loop waits for all of it.
  const yearWordProbe = await withLoopProbe(() =>
    searchAudit(handle.db, { from: yearBefore, to: lastDay, q: 'box 3', type: undefined }, 500),
  );
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
  const f = (ms: number): string => `${ms.toFixed(1)} ms`;
  return [
    `audit journal generated: ${RECORDS} chained records   ${f(generated)}`,
    `  search of one day, newest page (median of 5)         ${f(daySearch)}`,
    `  search of a year for a word, first page (median)     ${f(yearWord)}, worst event-loop delay ${f(yearWordProbe.worstMs)}`,
    `  banner verdict after 100 new records (${banner.records})  ${f(bannerTime)}`,
    `  full walk in the background (${walk.records} records)      ${f(fullWalk)}, longest slice ${f(longestSlice)}`,
  ];
}
