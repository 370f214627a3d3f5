/**
 * The production bundle (`npm run build:server`): built from the sources, it serves (its worker
 * bodies included: the first start makes the certificates in the bundled certificate worker), and
 * `gfa.mjs` only ever picks it while every source it was built from is unchanged.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { strFromU8, unzipSync } from 'fflate';
import { HealthResponse } from '@gfa/shared';
import { BUNDLE_DIR, SERVER_NODE_FLAGS, digestOf, freshBundle } from '../../bin/server-bundle.mjs';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase } from '../../src/db/database.js';
import { workerResult } from '../../src/db/worker-thread.js';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { AGENDA_WORKER, importInWorker } from '../../src/import/import-in-worker.js';
import { STANDARD_PROFILE } from '../../src/import/profiles.js';
import { apiClient } from '../integration/support/https-client.js';
import { startServerProcess } from '../integration/support/server-process.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const tempDir = (): string => mkdtempSync(join(tmpdir(), 'gfa-bundle-'));
const write = (file: string, text: string): void => {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
};

describe('server bundle', () => {
  it('is refused as soon as one source it holds changed or disappeared', () => {
    // A server folder laid out as installed: app/server/{dist,src}, app/node_modules/@gfa/shared.
    const app = tempDir();
    const server = join(app, 'server');
    const own = join(server, 'src/cli/main.ts');
    const shared = join(app, 'node_modules/@gfa/shared/src/index.ts');
    write(own, 'export const a = 1;\n');
    write(shared, 'export const b = 2;\n');
    write(join(server, 'dist/cli/main.mjs'), 'export {};\n');
    const manifest = join(server, 'dist/sources.json');
    const sources = { 'server/src/cli/main.ts': digestOf(own), '@gfa/shared/src/index.ts': digestOf(shared) };
    write(manifest, JSON.stringify({ sources }));
    expect(freshBundle(server)).toBe(join(server, 'dist/cli/main.mjs'));

    write(own, 'export const a = 3;\n');
    expect(freshBundle(server)).toBeNull();
    write(own, 'export const a = 1;\n');
    expect(freshBundle(server)).not.toBeNull();
    rmSync(shared);
    expect(freshBundle(server)).toBeNull();
    write(shared, 'export const b = 2;\n');
    // The worker bodies carry their pure-JavaScript packages: another installed version refuses it.
    const zod = join(app, 'node_modules/zod/package.json');
    write(zod, JSON.stringify({ name: 'zod', version: '4.0.0' }));
    write(manifest, JSON.stringify({ sources, packages: { 'node_modules/zod': '4.0.0' } }));
    expect(freshBundle(server)).not.toBeNull();
    write(zod, JSON.stringify({ name: 'zod', version: '4.0.1' }));
    expect(freshBundle(server)).toBeNull();
    rmSync(zod);
    expect(freshBundle(server)).toBeNull();
    write(manifest, JSON.stringify({ sources }));
    expect(freshBundle(server)).not.toBeNull();
    rmSync(manifest);
    expect(freshBundle(server)).toBeNull();
  });

  it('builds from the sources, is the one gfa.mjs picks, and serves /api/health', async () => {
    execFileSync(process.execPath, ['build/build-server.mjs'], { cwd: repoRoot, stdio: 'pipe' });
    const entry = join(BUNDLE_DIR, 'cli/main.mjs');
    expect(freshBundle()).toBe(entry);
    // Run the bundle itself (no TypeScript loader), with the production flags, on a first start.
    const dataDir = tempDir();
    const server = await startServerProcess(dataDir, [], [...SERVER_NODE_FLAGS, entry]);
    try {
      const client = apiClient(server.url, server.ca);
      const health = await client.call('GET', '/api/health');
      expect(health.status).toBe(200);
      expect(HealthResponse.parse(health.body)).toMatchObject({ status: 'ok' });
      await client.close();
    } finally {
      await server.stop();
    }
    expect(readFileSync(join(dataDir, 'ca.pem'), 'utf8')).toContain('BEGIN CERTIFICATE');
  });

  it('bundles the import worker with its packages: it reads files exactly as the sources do', async () => {
    execFileSync(process.execPath, ['build/build-server.mjs'], { cwd: repoRoot, stdio: 'pipe' });
    const bundled = new URL(`file://${join(BUNDLE_DIR, 'import/agenda-worker.mjs')}`);
    const body = readFileSync(bundled, 'utf8');
    // zod, csv-parse, iconv-lite and read-excel-file are inside; the native SQLite driver is not.
    expect(body).not.toMatch(/from ["'](zod|csv-parse\/sync|iconv-lite|drizzle-orm)["']/);
    expect(body).toMatch(/from ["']better-sqlite3["']/);
    const handle = openDatabase(databaseFile(join(tempDir(), 'gfa.sqlite')));
    try {
      await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
      const config = loadConfig(handle.db);
      const fixture = (name: string) => readFileSync(join(repoRoot, 'server/test/import/fixtures', name));
      for (const file of ['excel-fr-cp1252-ligatures.csv', 'agenda-eps.xlsx', 'bad-date.csv']) {
        const run = (worker: URL) =>
          importInWorker(
            {
              database: handle.sqlite.name,
              bytes: fixture(file),
              request: { file, profile: STANDARD_PROFILE, dryRun: true },
              config,
              actor: { kind: 'system', id: 'test' },
              now: Date.parse('2026-11-23T18:00:00Z'),
            },
            { body: worker },
          );
        const [fromBundle, fromSources] = [await run(bundled), await run(AGENDA_WORKER)];
        expect('report' in fromBundle, file).toBe(true);
        expect(fromBundle, file).toEqual(fromSources);
      }
    } finally {
      handle.close();
    }
  });

  it('bundles the export workers with their packages: their archive and workbook are whole', async () => {
    execFileSync(process.execPath, ['build/build-server.mjs'], { cwd: repoRoot, stdio: 'pipe' });
    const bundled = (body: string) => new URL(`file://${join(BUNDLE_DIR, body)}`);
    const workbook = await workerResult<Uint8Array>(bundled('stats/xlsx-worker.mjs'), {
      tables: [
        {
          name: 'Motifs',
          columns: [
            { label: 'Motif', type: 'text' },
            { label: 'Visites', type: 'number' },
          ],
          rows: [['Œnologie – « EPS »', 12]],
        },
      ],
    });
    const sheets = unzipSync(workbook);
    expect(strFromU8(sheets['xl/workbook.xml'] as Uint8Array)).toContain('Motifs');
    const handle = openDatabase(databaseFile(join(tempDir(), 'gfa.sqlite')));
    try {
      await seedDemo(handle.db, '2026-11-24', Date.parse('2026-11-24T07:00:00Z'));
      const archive = unzipSync(
        await workerResult<Uint8Array>(bundled('stats/full-export-worker.mjs'), { file: handle.sqlite.name }),
      );
      expect(Object.keys(archive)).toContain('gfa-export.xlsx');
      expect(Object.keys(archive).filter((name) => name.endsWith('.csv')).length).toBeGreaterThan(5);
      expect(unzipSync(archive['gfa-export.xlsx'] as Uint8Array)['xl/workbook.xml']).toBeDefined();
    } finally {
      handle.close();
    }
  });

  it('runs with the same node flags wherever the production server starts', () => {
    const start = (
      JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: { start: string } }
    ).scripts.start;
    const service = readFileSync(join(repoRoot, 'installer/server/gfa-service.xml'), 'utf8');
    const command = readFileSync(join(repoRoot, 'installer/server/gfa.cmd'), 'utf8');
    const arguments_ = /<arguments>(.*)<\/arguments>/.exec(service)?.[1] ?? '';
    const flags = SERVER_NODE_FLAGS.join(' ');
    expect(flags).not.toBe('');
    expect(start).toContain(`node ${flags} server/bin/gfa.mjs serve`);
    expect(arguments_.startsWith(`${flags} "%BASE%\\app\\server\\bin\\gfa.mjs" serve`)).toBe(true);
    expect(command).toContain(`"%~dp0node.exe" ${flags} "%~dp0app\\server\\bin\\gfa.mjs"`);
  });
});
