// Bundles the three Electron shells: <shell>/dist-electron/{main,preload}.cjs plus the fallback page.
// Usage: node build/build-shells.mjs [kiosk|display|workstation ...]   (all three by default)
import { build } from 'esbuild';
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shells = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['kiosk', 'display', 'workstation'];
const fallbackDir = join(root, 'shared/shell/fallback');

for (const shell of shells) {
  if (!['kiosk', 'display', 'workstation'].includes(shell)) throw new Error(`Unknown shell: ${shell}`);
  const outdir = join(root, shell, 'dist-electron');
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    // Electron 45 runs Node 22.
    target: 'node22',
    external: ['electron'],
    sourcemap: true,
    logLevel: 'warning',
  };
  await build({
    ...common,
    entryPoints: [join(root, shell, 'electron/main.ts')],
    outfile: join(outdir, 'main.cjs'),
  });
  // The preload is sandboxed: the bundle must need nothing but `electron`.
  const preload = await build({
    ...common,
    entryPoints: [join(root, shell, 'electron/preload.ts')],
    outfile: join(outdir, 'preload.cjs'),
    metafile: true,
  });
  const inputs = Object.keys(preload.metafile.inputs).filter(
    (input) => !input.startsWith('shared/shell/') && !input.startsWith(`${shell}/electron/`),
  );
  if (inputs.length > 0)
    throw new Error(`${shell} preload bundles more than shared/shell: ${inputs.join(', ')}`);
  for (const file of ['fallback.html', 'fallback.css'])
    await copyFile(join(fallbackDir, file), join(outdir, file));
  console.log(`${shell}: ${join(shell, 'dist-electron')} (main.cjs, preload.cjs, fallback.html)`);
}
