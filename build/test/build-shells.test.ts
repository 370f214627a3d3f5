/**
 * `npm run build:shells` on this machine: each shell bundles to one main and
 * one sandbox-safe preload (nothing but `electron`), beside its script-free
 * fallback page — what the Windows workflow then packages.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const requires = (code: string): string[] =>
  [...code.matchAll(/require\("([^"]+)"\)/g)]
    .map((m) => m[1] as string)
    .filter((v, i, a) => a.indexOf(v) === i);

describe('build:shells', () => {
  it('bundles kiosk, display and workstation with sandbox-safe preloads', () => {
    const run = spawnSync(process.execPath, [join(root, 'build/build-shells.mjs')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const shell of ['kiosk', 'display', 'workstation']) {
      const out = join(root, shell, 'dist-electron');
      const main = readFileSync(join(out, 'main.cjs'), 'utf8');
      // The main process may use Node and Electron; discovery and pinning are inside the bundle.
      expect(requires(main)).toContain('electron');
      expect(requires(main)).not.toContain('bonjour-service');
      const preload = readFileSync(join(out, 'preload.cjs'), 'utf8');
      expect(requires(preload)).toEqual(['electron']);
      expect(preload).toContain('contextBridge');
      const fallback = readFileSync(join(out, 'fallback.html'), 'utf8');
      expect(fallback).toContain('lang="fr"');
      expect(fallback).not.toMatch(/<script/i);
    }
  });
});
