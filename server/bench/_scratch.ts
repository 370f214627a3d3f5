import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadConfig } from '../src/db/config-store.js';
import { databaseFile, openDatabase } from '../src/db/database.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { importAgendaFile } from '../src/import/import-appointments.js';
import { readAgendaInWorker } from '../src/import/read-in-worker.js';
import { STANDARD_PROFILE } from '../src/import/profiles.js';
import { largeAgendaCsv } from '../test/import/fixtures/large-agenda.js';
const handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-scr-'))));
await seedDemo(handle.db, '2026-11-24', Date.now());
const config = loadConfig(handle.db);
const bytes = largeAgendaCsv(40_000, '2027-01-04');
const h = monitorEventLoopDelay({ resolution: 5 });
h.enable();
let t = performance.now();
const r = await readAgendaInWorker({ bytes, profile: STANDARD_PROFILE, config, source: 'standard' });
console.log(
  'worker read',
  (performance.now() - t).toFixed(0),
  r.appointments.length,
  'loop max',
  (h.max / 1e6).toFixed(1),
);
h.reset();
t = performance.now();
const rep = await importAgendaFile(
  handle.db,
  config,
  { file: 'x.csv', bytes, profile: STANDARD_PROFILE, dryRun: false },
  { kind: 'system', id: 'b' },
  Date.now(),
);
console.log(
  'import',
  (performance.now() - t).toFixed(0),
  rep.created,
  rep.errors.slice(0, 2),
  'loop max',
  (h.max / 1e6).toFixed(1),
);
h.reset();
const h2 = setInterval(() => {}, 5);
t = performance.now();
let last = performance.now();
let worst = 0;
let at = 0;
const iv = setInterval(() => {
  const n = performance.now();
  if (n - last > worst) {
    worst = n - last;
    at = n - t;
  }
  last = n;
}, 5);
const rep2 = await importAgendaFile(
  handle.db,
  config,
  {
    file: 'x.csv',
    bytes: largeAgendaCsv(40_000, '2027-01-04', 'B'),
    profile: STANDARD_PROFILE,
    dryRun: false,
  },
  { kind: 'system', id: 'b' },
  Date.now(),
);
clearInterval(iv);
clearInterval(h2);
console.log(
  'import2',
  (performance.now() - t).toFixed(0),
  rep2.created,
  rep2.cancelled,
  'loop max',
  (h.max / 1e6).toFixed(1),
  'worst gap',
  worst.toFixed(0),
  'at',
  at.toFixed(0),
);
