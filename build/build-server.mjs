// Bundles the queue server for production: server/dist/<folder>/<module>.mjs for the CLI entry and
// for every worker body the server starts (`new URL('./x-worker.ts', import.meta.url)`), plus
// server/dist/sources.json, the digest of every bundled source (`server/bin/server-bundle.mjs`
// refuses a bundle whose sources changed since, or whose bundled packages' versions did). The CLI
// entry keeps its packages external (Node loads them from node_modules); each worker body carries
// its pure-JavaScript packages (native ones cannot be bundled); the workspace's @gfa/shared is bundled.
// Why: running the TypeScript sources through tsx's loader costs ~45 MB of RSS and start time.
// A bundle still fresh (same sources, same build script) is kept as it is; a new one is written
// beside it and swapped in, so a server or a test running the current one never sees half a bundle.
// Usage: node build/build-server.mjs
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BUNDLE_DIR,
  MANIFEST,
  SERVER_DIR,
  digestOf,
  freshBundle,
  packageVersion,
} from '../server/bin/server-bundle.mjs';

const builder = digestOf(fileURLToPath(import.meta.url));
const builtBy = () => (existsSync(MANIFEST) ? JSON.parse(readFileSync(MANIFEST, 'utf8')).builder : null);
if (freshBundle() && builtBy() === builder) {
  console.log('server bundle: up to date');
  process.exit(0);
}

const root = join(SERVER_DIR, '..');
const src = join(SERVER_DIR, 'src');
const WORKER_URL = /new URL\('(\.{1,2}\/[\w./-]+)\.ts', import\.meta\.url\)/g;

const sourcesBelow = (dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));

// Worker bodies become entries of their own; the URL naming one is rewritten to its bundle. Every
// bundle sits one folder below dist/, so `../<folder>/<module>.mjs` reaches it from any of them
// (and `../../package.json`, `../../drizzle`, `../../bin/worker.mjs` keep meaning what they mean
// from a source one folder below src/).
const workers = new Set();
for (const file of sourcesBelow(src)) {
  for (const match of readFileSync(file, 'utf8').matchAll(WORKER_URL)) {
    workers.add(join(dirname(file), `${match[1]}.ts`));
  }
}
const bundled = (file) => `../${relative(src, file).split(sep).join('/').replace(/\.ts$/, '.mjs')}`;
const rewriteWorkerUrls = {
  name: 'worker-urls',
  setup(b) {
    b.onLoad({ filter: /[\\/]server[\\/]src[\\/].*\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8').replace(
        WORKER_URL,
        (_all, path) => `new URL('${bundled(join(dirname(args.path), `${path}.ts`))}', import.meta.url)`,
      );
      return { contents: text, loader: 'ts' };
    });
  },
};
// Bare imports stay external except the workspace's own TypeScript package (the CLI entry: the
// server's own thread loads its packages once, at start).
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@gfa/') ? undefined : { path: args.path, external: true },
    );
  },
};
// A worker body starts a fresh thread for each import, export or backup, and loading its packages
// file by file from node_modules was most of that start (~250 of ~460 ms measured for the import
// worker: drizzle-orm and zod alone ~180 ms). Its pure-JavaScript packages are bundled into it;
// native addons (and the packages that load them) cannot be, and stay external.
const NATIVE = new Set(['better-sqlite3', 'argon2']);
const packageOf = (path) =>
  path
    .split('/')
    .slice(0, path.startsWith('@') ? 2 : 1)
    .join('/');
const externalNative = {
  name: 'external-native',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      NATIVE.has(packageOf(args.path)) || args.path.startsWith('node:')
        ? { path: args.path, external: true }
        : undefined,
    );
  },
};
// esbuild's ESM output cannot `require` Node's built-ins from a bundled CommonJS package by itself.
const requireShim =
  "import { createRequire as __gfaRequire } from 'node:module'; const require = __gfaRequire(import.meta.url);";

const next = `${BUNDLE_DIR}.next-${process.pid}`;
const common = {
  outbase: src,
  outdir: next,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  metafile: true,
  logLevel: 'warning',
};
const builds = await Promise.all([
  build({
    ...common,
    entryPoints: [join(src, 'cli/main.ts')],
    plugins: [rewriteWorkerUrls, externalPackages],
  }),
  build({
    ...common,
    entryPoints: [...workers],
    plugins: [rewriteWorkerUrls, externalNative],
    banner: { js: requireShim },
  }),
]);
const inputs = Object.keys(Object.assign({}, ...builds.map((b) => b.metafile.inputs)));

// Inputs as `server/bin/server-bundle.mjs` finds them again: below the server, or in @gfa/shared;
// a bundled package by its folder (from the repository's root) and the version installed there.
const sharedDir = join(root, 'shared');
const nameOf = (input) => {
  const file = join(root, input);
  if (file.startsWith(SERVER_DIR + sep)) return `server/${relative(SERVER_DIR, file).split(sep).join('/')}`;
  if (file.startsWith(sharedDir + sep))
    return `@gfa/shared/${relative(sharedDir, file).split(sep).join('/')}`;
  throw new Error(`unexpected bundle input: ${input}`);
};
const PACKAGE_FOLDER = /^(.*node_modules\/(?:@[^/]+\/)?[^/@][^/]*)\//;
const packageFolders = new Set(inputs.map((input) => PACKAGE_FOLDER.exec(input)?.[1]).filter(Boolean));
const packages = Object.fromEntries(
  [...packageFolders].sort().map((folder) => [folder, packageVersion(join(root, folder))]),
);
const sources = Object.fromEntries(
  inputs
    .filter((input) => !PACKAGE_FOLDER.test(input))
    .sort()
    .map((input) => [nameOf(input), digestOf(join(root, input))]),
);
writeFileSync(
  join(next, relative(BUNDLE_DIR, MANIFEST)),
  `${JSON.stringify({ builder, sources, packages }, null, 2)}\n`,
);

// Swap: the old bundle moves aside, then the new one takes its name. When another build swapped
// its own in meanwhile (same sources), that one stays and this one is dropped.
const old = `${BUNDLE_DIR}.old-${process.pid}`;
try {
  renameSync(BUNDLE_DIR, old);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
try {
  renameSync(next, BUNDLE_DIR);
} catch (error) {
  if (error.code !== 'ENOTEMPTY' && error.code !== 'EEXIST') throw error;
  rmSync(next, { recursive: true, force: true });
}
rmSync(old, { recursive: true, force: true });
console.log(
  `server bundle: ${Object.keys(sources).length} sources, ${workers.size} worker(s) with ${Object.keys(packages).length} packages → ${relative(root, BUNDLE_DIR)}`,
);
