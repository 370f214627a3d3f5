/**
 * The rooms of GFA and who may import whom: the single source of the layering
 * rules. `eslint.config.js` turns it into the `layers/allowed-imports` rule
 * (relative imports, workspace packages, npm packages, Node built-ins), and the
 * rooms table of `docs/ARCHITECTURE.md` is generated from it
 * (`npm run docs:layers`, checked by `build/test/layers.test.ts`), so the doc
 * and the lint cannot drift.
 *
 * A room is a set of folders. A file may import its own room, the rooms listed
 * in `mayImport`, the npm packages listed in `packages`, and Node built-ins when
 * `node` is true. Every npm dependency of every workspace must appear in some
 * room's `packages` or in `TOOLING_PACKAGES`: an unclassified one fails lint.
 */

/** @typedef {{ id: string, folders: string[], holds: string, mayImport: string[], packages: string[], node: boolean, note?: string }} Room */

const SERVER_BELOW_EDGE = [
  'shared',
  'domain',
  'calendar',
  'settings',
  'db',
  'service',
  'reports',
  'config',
  'jobs',
];

/** @type {Room[]} */
export const ROOMS = [
  {
    id: 'shared',
    folders: ['shared/src'],
    holds:
      'the domain vocabulary (`domain`: zod schemas → types), the protocol (`api`: REST route table, DTOs, WS messages, version, OpenAPI builder), the protocol client (`client`) and the UI kit (`ui`)',
    mayImport: [],
    packages: ['zod', 'react', 'zustand', 'any-ascii'],
    node: false,
    note: 'runs in browsers: no `node:*`, no `electron`, no `react-dom`',
  },
  {
    id: 'shell',
    folders: ['shared/shell'],
    holds:
      'Node code shared by the Electron main processes: mDNS browser, server choice, CA pinning and enrolment client, connection state machine, window/IPC/permission policy, per-shell policies, `startShell` runtime behind `ElectronLike`, preload bridges, French fallback page (see `shared/shell/README.md`)',
    mayImport: ['shared'],
    packages: ['bonjour-service'],
    node: true,
    note: '`electron` only behind interfaces',
  },
  {
    id: 'domain',
    folders: ['server/src/domain'],
    holds:
      'the queue engine: journeys, routing, dispatcher (who is offered whom), priorities, states, and the forecast (the engine run forward). Pure functions `apply(state, command, ctx) → {state, events}`',
    mayImport: ['shared'],
    packages: [],
    node: false,
    note: 'no I/O, no clock, no randomness',
  },
  {
    id: 'calendar',
    folders: ['server/src/calendar'],
    holds:
      "the centre's local calendar: the day of an instant (the screens' own definition), the instant of a day and a time",
    mayImport: ['shared'],
    packages: [],
    node: false,
  },
  {
    id: 'settings',
    folders: ['server/src/settings'],
    holds:
      "the settings registry: each key's zod schema, default (merged into what a centre saved, on read) and French description, one file per group",
    mayImport: ['shared'],
    packages: ['zod'],
    node: false,
    note: 'data only: reading and writing is `server/src/db/settings-store.ts`',
  },
  {
    id: 'db',
    folders: ['server/src/db'],
    holds:
      'SQLite (better-sqlite3 + drizzle-orm): `schema.ts`, committed migrations in `server/drizzle/`, stores, the hash-chained journal and its audit appender; one transaction per transition (state rows + journal)',
    mayImport: ['shared', 'domain', 'calendar', 'settings'],
    packages: ['better-sqlite3', 'drizzle-orm'],
    node: true,
  },
  {
    id: 'service',
    folders: ['server/src/service'],
    holds: 'the queue service (in-memory day state: engine → commit → publish), check-in, read models (DTOs)',
    mayImport: ['shared', 'domain', 'calendar', 'settings', 'db'],
    packages: [],
    node: true,
  },
  {
    id: 'reports',
    folders: ['server/src/supervision', 'server/src/stats', 'server/src/audit'],
    holds:
      "the live board (figures and alert rules read from the day's journal) and period statistics (summed by SQLite from the per-day and per-month rollups the anonymisation writes, the last days from their visits), tables and CSV/XLSX writers (formula-safe French CSV, typed XLSX), the full export with its data dictionary; the audit trail search, the chain monitor (incremental verdict, background full walk) and the audit export",
    mayImport: ['shared', 'domain', 'calendar', 'settings', 'db'],
    packages: ['better-sqlite3', 'drizzle-orm', 'csv-stringify', 'fflate', 'write-excel-file'],
    node: true,
  },
  {
    id: 'config',
    folders: ['server/src/admin', 'server/src/import', 'server/src/catalogue'],
    holds:
      'validation of configuration changes (French messages); agenda files (CSV, UTF-16, XLSX) decoded, parsed, mapped per profile and imported per source, all or nothing; the tender catalogue a fresh install applies',
    mayImport: ['shared', 'calendar', 'settings', 'db'],
    packages: ['drizzle-orm', 'csv-parse', 'iconv-lite', 'read-excel-file'],
    node: true,
  },
  {
    id: 'jobs',
    folders: ['server/src/jobs', 'server/src/retention', 'server/src/backup'],
    holds:
      'the job registry (daily local times checked every 30 s with the catch-up rule, so DST days run once; run now; journaled runs) and the four data jobs: watched-folder import, nominative export, anonymisation, encrypted backup (passphrase file)',
    mayImport: ['shared', 'domain', 'calendar', 'settings', 'db', 'service', 'reports', 'config'],
    packages: ['better-sqlite3', 'drizzle-orm'],
    node: true,
  },
  {
    id: 'edge',
    folders: ['server/src/web', 'server/src/security', 'server/src/integrations'],
    holds:
      'thin adapters: Fastify over HTTPS with routes generated from the shared route table (one handler file per area), security headers and WS origin check, the WS hub (topics, sequence numbers, resume, session re-check), sessions and roles, argon2, TOTP and recovery codes, device enrolment, the server’s own CA and renewed certificate',
    mayImport: SERVER_BELOW_EDGE,
    packages: [
      'fastify',
      '@fastify/cookie',
      '@fastify/helmet',
      '@fastify/static',
      'ws',
      'zod',
      'argon2',
      'otplib',
      'qrcode',
      'selfsigned',
      'better-sqlite3',
      'drizzle-orm',
    ],
    node: true,
  },
  {
    id: 'entry',
    folders: ['server/src/cli', 'server/src/demo', 'server/src/discovery'],
    holds:
      'the `gfa` command, the demo centre, mDNS advertisement on every LAN interface (re-announced when the addresses change, withdrawn at stop)',
    mayImport: [...SERVER_BELOW_EDGE, 'edge'],
    packages: ['commander', 'bonjour-service', 'better-sqlite3', 'drizzle-orm'],
    node: true,
  },
  {
    id: 'simulation',
    folders: ['server/src/simulation'],
    holds:
      'the day simulator of `npm run bench:day`: scenarios (tender-like and demo centres), seeded behaviour keyed per visit and step, figures; drives the engine through `runForward` (the loop the forecast uses)',
    mayImport: ['shared', 'domain', 'entry'],
    packages: [],
    node: false,
  },
  ...['kiosk', 'display', 'workstation'].map((app) => ({
    id: app,
    folders: [`${app}/src`],
    holds: `the ${app} React app, served by the server`,
    mayImport: ['shared'],
    packages: ['react', 'react-dom', 'zustand'],
    node: false,
    note: 'UI code never imports `electron`: only the preload bridge does',
  })),
  {
    id: 'shell-entries',
    folders: ['kiosk/electron', 'display/electron', 'workstation/electron'],
    holds:
      'the Electron entry points (`main.ts` + `preload.ts`, a few lines each over `shared/shell`, bundled by `build/build-shells.mjs`)',
    mayImport: ['shell', 'shared'],
    packages: ['electron'],
    node: true,
  },
];

/**
 * Packages of tests, benches, build and installer tooling (files outside every
 * room): they may be imported there, never from a room.
 */
export const TOOLING_PACKAGES = [
  'vitest',
  'playwright-core',
  'axe-core',
  'undici',
  'selfsigned',
  'eslint',
  '@eslint/js',
  'typescript-eslint',
  'globals',
  'typescript',
  'tsx',
  'esbuild',
  'vite',
  'drizzle-kit',
  'electron',
  'electron-builder',
  // electron-builder's own library, read by the installer tests for its configuration types.
  'app-builder-lib',
  'prettier',
  '@types/better-sqlite3',
  '@types/node',
  '@types/react',
  '@types/react-dom',
  '@types/ws',
  '@types/qrcode',
];

/** Workspace packages by the room their entry points live in. */
export const WORKSPACE_ROOMS = { '@gfa/shared': 'shared' };

/** Folders whose files belong to no room (tests and tools inside a room's folder). */
export const OUTSIDE_ROOMS = ['shared/shell/test'];
