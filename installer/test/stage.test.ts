import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dependencyClosure } from '../stage/dependency-closure.js';
import { stageApp } from '../stage/stage-apps.js';
import { SCREENS, stageServer, type StagedServer } from '../stage/stage-server.js';
import { freshBundle } from '../../server/bin/server-bundle.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const run = promisify(execFile);
const scratch = mkdtempSync(join(tmpdir(), 'gfa-stage-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writePackage(dir: string, manifest: Record<string, unknown>): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest));
}

describe('dependency closure', () => {
  const root = join(scratch, 'repo');
  beforeAll(() => {
    writePackage(root, { name: 'root', version: '1.0.0', workspaces: ['app', 'lib'] });
    writePackage(join(root, 'app'), { name: '@x/app', dependencies: { a: '1', '@x/lib': '*' } });
    writePackage(join(root, 'lib'), { name: '@x/lib', dependencies: { c: '1' } });
    writePackage(join(root, 'node_modules', 'a'), {
      name: 'a',
      dependencies: { b: '2' },
      optionalDependencies: { 'not-installed': '1' },
      peerDependencies: { '@types/a': '1', c: '1' },
    });
    writePackage(join(root, 'node_modules', 'b'), { name: 'b', version: '1.0.0' });
    writePackage(join(root, 'node_modules', 'a', 'node_modules', 'b'), { name: 'b', version: '2.0.0' });
    writePackage(join(root, 'node_modules', 'c'), { name: 'c' });
    // The installed workspace link may point anywhere (here: nowhere); the repository folder wins.
    writePackage(join(root, 'node_modules', '@x', 'lib'), { name: '@x/lib', dependencies: { stale: '1' } });
  });

  it('follows dependencies as Node resolves them, nested versions included', () => {
    const staged = dependencyClosure(root, [{ source: join(root, 'app'), target: 'app' }]);
    expect(staged.map((pkg) => pkg.target)).toEqual([
      join('node_modules', '@x', 'lib'),
      join('node_modules', 'a'),
      join('node_modules', 'a', 'node_modules', 'b'),
      join('node_modules', 'c'),
    ]);
    expect(staged.find((pkg) => pkg.name === '@x/lib')?.source).toBe(join(root, 'lib'));
  });

  it('takes only the named packages from a root entry', () => {
    const staged = dependencyClosure(root, [{ source: root, target: '', only: ['c'] }]);
    expect(staged.map((pkg) => pkg.name)).toEqual(['c']);
  });

  it('refuses to stage when a required dependency is not installed', () => {
    writePackage(join(root, 'broken'), { name: 'broken', dependencies: { missing: '1' } });
    expect(() => dependencyClosure(root, [{ source: join(root, 'broken'), target: 'broken' }])).toThrow(
      /Dépendance introuvable : missing/,
    );
  });
});

describe('server payload', () => {
  let staged: StagedServer;
  const data = join(scratch, 'data');
  const gfa = (): string => join(staged.appDir, 'server', 'bin', 'gfa.mjs');

  beforeAll(() => {
    staged = stageServer(repoRoot, join(scratch, 'server-runtime'), { allowMissingScreens: true });
  }, 120_000);

  it('mirrors the repository layout the server reads its files from', () => {
    for (const part of ['bin/gfa.mjs', 'src/cli/main.ts', 'drizzle/0000_initial.sql', 'package.json']) {
      expect(existsSync(join(staged.appDir, 'server', part))).toBe(true);
    }
    expect(existsSync(join(staged.appDir, 'server', 'test'))).toBe(false);
    expect(existsSync(join(staged.appDir, 'node_modules', '@gfa', 'shared', 'src', 'index.ts'))).toBe(true);
    const names = staged.packages.map((pkg) => pkg.name);
    expect(names).toEqual(
      expect.arrayContaining(['tsx', 'better-sqlite3', 'argon2', 'fastify', '@gfa/shared']),
    );
    expect(names).not.toContain('vitest');
    expect(names).not.toContain('electron');
  });

  it('ships the production bundle, fresh against the sources staged beside it', () => {
    // gfa.mjs runs it (not the sources through tsx) only when this holds in the staged folder.
    const server = join(staged.appDir, 'server');
    expect(freshBundle(server)).toBe(join(server, 'dist', 'cli', 'main.mjs'));
  });

  it('ships the built screens, and refuses a release build without them', () => {
    const built = SCREENS.filter((screen) => existsSync(join(repoRoot, screen, 'dist', 'index.html')));
    expect(staged.screens).toEqual(built);
    if (built.length < SCREENS.length) {
      expect(() => stageServer(repoRoot, join(scratch, 'refused'))).toThrow(/npm run build:ui/);
    }
  });

  it('runs from the staged folder alone: migrate, then a first administrator', async () => {
    const migrated = await run(process.execPath, [gfa(), 'migrate', '--data-dir', data], { cwd: scratch });
    expect(migrated.stdout).toMatch(/schéma version \d+/);
    const child = execFile(process.execPath, [
      gfa(),
      'user',
      'add',
      '--login',
      'admin',
      '--role',
      'administrator',
      '--password-stdin',
      '--data-dir',
      data,
    ]);
    child.stdin?.end('Une-phrase-de-passe-longue\n');
    const output = await new Promise<string>((done, fail) => {
      let text = '';
      child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString()));
      child.on('error', fail);
      child.on('exit', (code) => (code === 0 ? done(text) : fail(new Error(`exit ${code}`))));
    });
    expect(output).toContain('admin');
  }, 60_000);

  it('serves HTTPS from the staged folder and prints the certificate fingerprint', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const server = spawn(
      process.execPath,
      [gfa(), 'serve', '--host', '127.0.0.1', '--port', String(port), '--no-mdns', '--data-dir', data],
      { cwd: scratch },
    );
    try {
      const banner = await new Promise<string>((done, fail) => {
        let text = '';
        server.stdout.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (/SHA-256\) : [0-9A-F:]{95}/.test(text)) done(text);
        });
        server.on('exit', (code) => fail(new Error(`exit ${code}: ${text}`)));
      });
      expect(banner).toContain(`https://127.0.0.1:${port}`);
      const health = await new Promise<string>((done, fail) => {
        get(`https://127.0.0.1:${port}/api/health`, { rejectUnauthorized: false }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => done(body));
        }).on('error', fail);
      });
      expect(JSON.parse(health)).toMatchObject({ status: 'ok' });
    } finally {
      server.kill();
    }
  }, 60_000);
});

describe('application folders', () => {
  it('bundles the server shortcut into a dependency-free main.cjs', async () => {
    const out = await stageApp(repoRoot, join(scratch, 'apps', 'server'), 'server');
    const manifest = JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ productName: 'GFA Serveur', main: 'main.cjs' });
    expect(manifest).not.toHaveProperty('dependencies');
    const main = readFileSync(join(out, 'main.cjs'), 'utf8');
    expect(main).toContain('require("electron")');
    expect(main).toContain('https://localhost:8443/workstation/');
  });

  it('copies a built shell and points main at dist-electron/main.cjs', async () => {
    const fake = join(scratch, 'fake-repo');
    writePackage(fake, { name: 'gfa', version: '9.8.7' });
    mkdirSync(join(fake, 'display', 'dist-electron'), { recursive: true });
    writeFileSync(join(fake, 'display', 'dist-electron', 'main.cjs'), '"use strict";\n');
    writeFileSync(join(fake, 'display', 'dist-electron', 'fallback.html'), '<!doctype html>');
    const out = await stageApp(fake, join(scratch, 'apps', 'display'), 'display');
    expect(JSON.parse(readFileSync(join(out, 'package.json'), 'utf8'))).toMatchObject({
      productName: 'GFA Écran',
      version: '9.8.7',
      main: 'dist-electron/main.cjs',
    });
    expect(existsSync(join(out, 'dist-electron', 'fallback.html'))).toBe(true);
  });

  it('refuses a shell whose main process was not built', async () => {
    const empty = join(scratch, 'empty-repo');
    writePackage(empty, { name: 'gfa', version: '1.0.0' });
    await expect(stageApp(empty, join(scratch, 'apps', 'kiosk'), 'kiosk')).rejects.toThrow(
      /npm run build:shells/,
    );
  });
});
