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
import { HealthResponse } from '@gfa/shared';
import { BUNDLE_DIR, SERVER_NODE_FLAGS, digestOf, freshBundle } from '../../bin/server-bundle.mjs';
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
