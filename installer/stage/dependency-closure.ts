/**
 * The runtime packages a workspace needs, found the way Node resolves them (nearest
 * `node_modules` first, walking up), so that the server can be shipped with exactly the versions
 * `npm ci` installed from the lockfile — including the native builds (better-sqlite3, argon2) the
 * Windows runner fetched for its own Node, which is the Node shipped beside them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

interface Manifest {
  readonly name?: string;
  readonly version?: string;
  readonly workspaces?: readonly string[];
  readonly dependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest;
}

/** A package to ship: read from `source`, written at `target` (relative to the staged app). */
export interface StagedPackage {
  readonly name: string;
  readonly source: string;
  readonly target: string;
}

/** A starting point: a workspace (or the root) whose dependencies are wanted, staged at `target`. */
export interface ClosureRoot {
  readonly source: string;
  readonly target: string;
  /** Names to follow instead of the manifest's `dependencies` (e.g. the root's `tsx`). */
  readonly only?: readonly string[];
}

/** Workspace packages by name → their folder in the repository (never the installed symlink). */
export function workspaceDirs(repoRoot: string): Map<string, string> {
  const result = new Map<string, string>();
  for (const folder of readManifest(repoRoot).workspaces ?? []) {
    const dir = join(repoRoot, folder);
    const name = readManifest(dir).name;
    if (name) result.set(name, dir);
  }
  return result;
}

/** Node's lookup: `<dir>/node_modules/<name>` from `fromDir` up to `repoRoot`. */
function locate(fromDir: string, name: string, repoRoot: string): string | null {
  let dir = fromDir;
  for (;;) {
    if (!dir.endsWith(`${sep}node_modules`)) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
    }
    if (dir === repoRoot) return null;
    const parent = dirname(dir);
    if (parent === dir || relative(repoRoot, parent).startsWith('..')) return null;
    dir = parent;
  }
}

function wanted(manifest: Manifest): { name: string; optional: boolean }[] {
  const peers = Object.keys(manifest.peerDependencies ?? {});
  return [
    ...Object.keys(manifest.dependencies ?? {}).map((name) => ({ name, optional: false })),
    ...Object.keys(manifest.optionalDependencies ?? {}).map((name) => ({ name, optional: true })),
    // Type-only peers (@types/…) are never loaded at run time.
    ...peers
      .filter((name) => !name.startsWith('@types/'))
      .map((name) => ({ name, optional: manifest.peerDependenciesMeta?.[name]?.optional === true })),
  ];
}

/**
 * Every package reachable from `roots`, each once. Workspace dependencies (`@gfa/shared`) are read
 * from the repository's own folder and staged under `node_modules/<name>` like any package.
 * Throws when a required dependency is not installed: a server that starts on the box and then
 * fails on its first import is worse than a failed build.
 */
export function dependencyClosure(repoRoot: string, roots: readonly ClosureRoot[]): StagedPackage[] {
  const root = resolve(repoRoot);
  const workspaces = workspaceDirs(root);
  const staged = new Map<string, StagedPackage>(); // by target
  // Where each source folder is staged, to map a nested node_modules of a workspace.
  const targetOf = new Map<string, string>(roots.map((r) => [resolve(r.source), r.target]));
  const queue: { source: string; names: { name: string; optional: boolean }[] }[] = roots.map((r) => ({
    source: resolve(r.source),
    names: r.only ? r.only.map((name) => ({ name, optional: false })) : wanted(readManifest(r.source)),
  }));

  while (queue.length > 0) {
    const { source: from, names } = queue.shift() as (typeof queue)[number];
    for (const { name, optional } of names) {
      let source = locate(from, name, root);
      let target: string | undefined;
      const workspace = workspaces.get(name);
      if (workspace) {
        source = workspace;
        target = join('node_modules', name);
      } else if (source) {
        // The deepest staged folder holding it decides where it goes.
        const owner = [...targetOf.keys()]
          .filter((dir) => source?.startsWith(`${dir}${sep}node_modules${sep}`))
          .sort((a, b) => b.length - a.length)[0];
        target = owner
          ? join(targetOf.get(owner) as string, relative(owner, source))
          : relative(root, source);
      }
      if (!source || !target) {
        if (optional) continue;
        throw new Error(`Dépendance introuvable : ${name} (requise depuis ${relative(root, from) || '.'})`);
      }
      if (staged.has(target)) continue;
      staged.set(target, { name, source, target });
      targetOf.set(source, target);
      queue.push({ source, names: wanted(readManifest(source)) });
    }
  }
  return [...staged.values()].sort((a, b) => a.target.localeCompare(b.target));
}
