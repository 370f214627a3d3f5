/**
 * Stages the server payload shipped by the "GFA Serveur" installer (dist/stage/server-runtime):
 *
 *   app/server/{bin,dist,src,drizzle,package.json}  the server: its production bundle (built here,
 *                                                run by bin/gfa.mjs), and the sources it was built
 *                                                from (the bundle runs only while they match)
 *   app/{kiosk,display,workstation}/dist         the screens it serves (npm run build:ui)
 *   app/node_modules/…                           its runtime dependencies, @gfa/shared and tsx
 *
 * The layout mirrors the repository because the server finds its migrations, its version and the
 * screens relative to its own files. Node itself (node.exe) and the service wrapper are added by
 * the Windows workflow, not here.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { dependencyClosure, readManifest, type StagedPackage } from './dependency-closure.js';

export const SCREENS = ['kiosk', 'display', 'workstation'] as const;
const SERVER_PARTS = ['bin', 'dist', 'src', 'drizzle', 'package.json'] as const;
/** Never shipped: tests, benches, docs' sources and nested installs (staged separately). */
const SKIPPED = new Set(['node_modules', 'test', '__tests__', '.github']);

export interface StageServerOptions {
  /** Tests stage without built screens; the release build always requires them. */
  readonly allowMissingScreens?: boolean;
}

export interface StagedServer {
  readonly appDir: string;
  readonly packages: readonly StagedPackage[];
  readonly screens: readonly string[];
}

/**
 * Build leftovers of native packages: better-sqlite3 keeps SQLite's sources and the compiler's
 * objects next to the one .node file it loads (about 25 MB of the 32).
 */
const TRIMMED: Record<string, readonly string[]> = {
  'better-sqlite3': [
    'deps',
    'src',
    'build/deps',
    'build/Release/obj',
    'build/Release/obj.target',
    'build/Release/.deps',
    'build/Release/test_extension.node',
    'build/Release/sqlite3.a',
  ],
};

function copyTree(source: string, target: string, trimmed: readonly string[] = []): void {
  const dropped = new Set(trimmed.map((part) => join(source, part)));
  cpSync(source, target, {
    recursive: true,
    dereference: true,
    filter: (path) => path === source || (!SKIPPED.has(basename(path)) && !dropped.has(path)),
  });
}

export function stageServer(
  repoRoot: string,
  outDir: string,
  options: StageServerOptions = {},
): StagedServer {
  const appDir = join(outDir, 'app');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });

  // Built from the sources staged beside it (rebuilt when they changed).
  execFileSync(process.execPath, [join(repoRoot, 'build/build-server.mjs')], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
  for (const part of SERVER_PARTS) copyTree(join(repoRoot, 'server', part), join(appDir, 'server', part));

  const screens: string[] = [];
  for (const screen of SCREENS) {
    const dist = join(repoRoot, screen, 'dist');
    if (!existsSync(join(dist, 'index.html'))) {
      if (options.allowMissingScreens) continue;
      throw new Error(`Écran non construit : ${screen}/dist (lancez d’abord npm run build:ui)`);
    }
    cpSync(dist, join(appDir, screen, 'dist'), { recursive: true });
    screens.push(screen);
  }

  // The server imports @gfa/shared through the workspace without declaring it, and tsx (which
  // server/bin/gfa.mjs registers to run the TypeScript sources if they no longer match the bundle)
  // is a devDependency of the repository: both are explicit roots.
  const packages = dependencyClosure(repoRoot, [
    { source: join(repoRoot, 'server'), target: 'server' },
    { source: repoRoot, target: '', only: ['@gfa/shared', 'tsx'] },
  ]);
  for (const pkg of packages) copyTree(pkg.source, join(appDir, pkg.target), TRIMMED[pkg.name]);

  const { version } = readManifest(repoRoot);
  writeFileSync(
    join(appDir, 'package.json'),
    `${JSON.stringify({ name: 'gfa-server-runtime', version, private: true, type: 'module' }, null, 2)}\n`,
  );
  return { appDir, packages, screens };
}
