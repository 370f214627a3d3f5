// The production bundle of the server (`npm run build:server`, built by `build/build-server.mjs`):
// where it lives and whether it is still the build of the sources beside it. `gfa.mjs` runs it only
// when every source it was built from still has the digest recorded at build time, so an edited
// source can never be served by a stale bundle (the sources then run through tsx, as in development).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The server's folder (`server/` in the repository, `app/server/` once installed). */
export const SERVER_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The bundle's folder: every entry sits one level below it, as the sources sit below `src/`. */
export const BUNDLE_DIR = join(SERVER_DIR, 'dist');
const entryIn = (serverDir) => join(serverDir, 'dist', 'cli', 'main.mjs');
const manifestIn = (serverDir) => join(serverDir, 'dist', 'sources.json');
/** Written by the build: the digest of every source the bundle holds. */
export const MANIFEST = manifestIn(SERVER_DIR);

/**
 * Where a bundled source is, from how the manifest names it: `server/...` below the server's
 * folder, `@gfa/shared/...` in the workspace package as Node finds it beside the server (the
 * repository's `node_modules/@gfa/shared` link, the installed copy in `app/node_modules`).
 */
export function sourcePath(name, serverDir = SERVER_DIR) {
  if (name.startsWith('server/')) return join(serverDir, name.slice('server/'.length));
  if (name.startsWith('@gfa/')) return join(serverDir, '..', 'node_modules', name);
  throw new Error(`unexpected bundle input: ${name}`);
}

export const digestOf = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The version of the package installed in `folder` (null: none there). */
export function packageVersion(folder) {
  const file = join(folder, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')).version ?? null) : null;
}

/** The bundle's entry when it exists and was built from exactly the sources present; else null. */
export function freshBundle(serverDir = SERVER_DIR) {
  const entry = entryIn(serverDir);
  if (!existsSync(entry) || !existsSync(manifestIn(serverDir))) return null;
  const { sources, packages = {} } = JSON.parse(readFileSync(manifestIn(serverDir), 'utf8'));
  if (Object.keys(sources).length === 0) return null;
  for (const [name, digest] of Object.entries(sources)) {
    const file = sourcePath(name, serverDir);
    if (!existsSync(file) || digestOf(file) !== digest) return null;
  }
  // The worker bodies carry their pure-JavaScript packages: an update of one (npm ci) rebuilds.
  for (const [folder, version] of Object.entries(packages)) {
    if (packageVersion(join(serverDir, '..', folder)) !== version) return null;
  }
  return entry;
}

/**
 * Node flags of the production server (`npm start`, the Windows service, `gfa.cmd`; tested to be
 * the same there). A young generation of 2 MB semi-spaces instead of V8's 16 MB: the server's
 * short-lived garbage (one request, one broadcast) fits, and ~28 MB of reserved heap are not held.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'];
