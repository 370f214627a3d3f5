/**
 * The ESLint side of `build/layers.mjs`, in the manner of VS Code's
 * `code-layering` rule: each import of a file is resolved to a room (relative
 * path or workspace package), an npm package or a Node built-in, and checked
 * against what the file's room may import. Files outside every room (tests,
 * benches, tools) may import any room but only classified packages; a room
 * file may not import them.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { OUTSIDE_ROOMS, ROOMS, TOOLING_PACKAGES, WORKSPACE_ROOMS } from '../layers.mjs';

const BUILTINS = new Set(builtinModules);
const DOC = 'docs/ARCHITECTURE.md';

const posix = (path) => path.split(sep).join('/');
const within = (path, folder) => path === folder || path.startsWith(`${folder}/`);

/** The room of a path relative to the repository root, or null (tests, tools, configs). */
export function roomOf(path, rooms = ROOMS) {
  if (OUTSIDE_ROOMS.some((folder) => within(path, folder))) return null;
  let best = null;
  for (const room of rooms)
    for (const folder of room.folders)
      if (within(path, folder) && (!best || folder.length > best.folder.length)) best = { room, folder };
  return best?.room ?? null;
}

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`. */
export const packageName = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Every package a room or the tooling may import. */
const classified = (rooms = ROOMS) => new Set([...rooms.flatMap((r) => r.packages), ...TOOLING_PACKAGES]);

/** The dependencies of the given package.json contents that no room and no tool claims. */
export function unclassifiedDependencies(manifests, rooms = ROOMS) {
  const known = classified(rooms);
  const names = manifests.flatMap((m) => [
    ...Object.keys(m.dependencies ?? {}),
    ...Object.keys(m.devDependencies ?? {}),
    ...Object.keys(m.optionalDependencies ?? {}),
  ]);
  return [...new Set(names)].filter((n) => !n.startsWith('@gfa/') && !known.has(n)).sort();
}

/** The root package.json and those of its workspaces. */
export function workspaceManifests(root) {
  const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const workspaces = (rootManifest.workspaces ?? []).map((w) => join(root, w, 'package.json'));
  return [rootManifest, ...workspaces.filter(existsSync).map((f) => JSON.parse(readFileSync(f, 'utf8')))];
}

/** Why `specifier`, imported by the file at `file` (relative to `root`), breaks the layers, or null. */
export function layeringProblem(root, file, specifier, rooms = ROOMS) {
  const from = roomOf(file, rooms);
  const known = classified(rooms);
  const isBuiltin = specifier.startsWith('node:') || BUILTINS.has(packageName(specifier));
  if (isBuiltin) {
    if (!from || from.node) return null;
    return `Room "${from.id}" does no Node I/O: "${specifier}" is not allowed (${DOC}).`;
  }
  let target;
  if (specifier.startsWith('.')) {
    if (!from) return null;
    target = roomOf(posix(relative(root, resolve(root, dirname(file), specifier))), rooms);
    if (!target)
      return `Room "${from.id}" may not import "${specifier}": it lies outside every room (${DOC}).`;
  } else {
    const name = packageName(specifier);
    if (name.startsWith('@gfa/')) {
      const id = WORKSPACE_ROOMS[name];
      if (!id) return `"${name}" is not a workspace package of the layer map (build/layers.mjs).`;
      if (!from) return null;
      target = rooms.find((r) => r.id === id);
    } else {
      if (!known.has(name)) return `Package "${name}" is not classified in build/layers.mjs.`;
      if (!from || from.packages.includes(name)) return null;
      const allowed = from.packages.length ? from.packages.join(', ') : 'none';
      return `Room "${from.id}" may not import "${name}" (allowed packages: ${allowed}; ${DOC}).`;
    }
  }
  if (target.id === from.id || from.mayImport.includes(target.id)) return null;
  const allowed = from.mayImport.length ? from.mayImport.join(', ') : 'nothing';
  return `Room "${from.id}" may not import room "${target.id}" (it may import: ${allowed}; ${DOC}).`;
}

/** The ESLint plugin: one rule, `layers/allowed-imports`, over static, re-export and dynamic imports. */
export function layersPlugin(root, rooms = ROOMS) {
  const rule = {
    meta: { type: 'problem', schema: [], docs: { description: 'Imports follow build/layers.mjs' } },
    create(context) {
      const file = posix(relative(root, context.filename));
      const check = (node) => {
        const source = node.source;
        if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
        const problem = layeringProblem(root, file, source.value, rooms);
        if (problem) context.report({ node: source, message: problem });
      };
      return {
        ImportDeclaration: check,
        ExportAllDeclaration: check,
        ExportNamedDeclaration: check,
        ImportExpression: check,
      };
    },
  };
  return { rules: { 'allowed-imports': rule } };
}

/** The flat-config blocks: the rule on every source file, after refusing unclassified dependencies. */
export function layeringConfigs(root, rooms = ROOMS) {
  const unclassified = unclassifiedDependencies(workspaceManifests(root), rooms);
  if (unclassified.length)
    throw new Error(
      `Unclassified npm dependencies (add them to build/layers.mjs): ${unclassified.join(', ')}`,
    );
  return [
    {
      files: ['**/*.{ts,tsx,mts,js,mjs}'],
      plugins: { layers: layersPlugin(root, rooms) },
      rules: { 'layers/allowed-imports': 'error' },
    },
  ];
}

/** Rooms whose folders are missing on disk: a typo in the data would silently guard nothing. */
export const missingFolders = (root, rooms = ROOMS) =>
  rooms
    .flatMap((r) => r.folders)
    .filter((f) => !existsSync(join(root, f)) || !readdirSync(join(root, f)).length);
