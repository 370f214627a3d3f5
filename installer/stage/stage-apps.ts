/**
 * Stages the Electron application folder of each installer (dist/stage/apps/<product>): a
 * package.json without dependencies plus the already bundled main process. Pointing
 * electron-builder at these folders rather than at the workspaces keeps it from collecting the
 * workspaces' React dependencies into the asar (the screens are served by the server; the shells
 * only carry main.cjs, its preload and the fallback page that the shells' build puts beside it).
 */
import { build } from 'esbuild';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readManifest } from './dependency-closure.js';

export const PRODUCTS = {
  server: { productName: 'GFA Serveur', description: 'GFA — serveur de files d’attente (service Windows)' },
  kiosk: { productName: 'GFA Borne', description: 'GFA — borne d’accueil' },
  display: { productName: 'GFA Écran', description: 'GFA — écran d’appel' },
  workstation: { productName: 'GFA Poste', description: 'GFA — poste de travail' },
} as const;
export type Product = keyof typeof PRODUCTS;
export const isProduct = (value: string): value is Product => Object.hasOwn(PRODUCTS, value);

/** Where each shell's main process is built (npm run build:shells). */
export const shellMain = (shell: Exclude<Product, 'server'>): string =>
  join(shell, 'dist-electron', 'main.cjs');

export async function stageApp(repoRoot: string, outDir: string, product: Product): Promise<string> {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  let main: string;
  if (product === 'server') {
    main = 'main.cjs';
    await build({
      entryPoints: [join(repoRoot, 'installer', 'server', 'launcher', 'main.ts')],
      outfile: join(outDir, main),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['electron'],
      logLevel: 'warning',
    });
  } else {
    const built = join(repoRoot, shellMain(product));
    if (!existsSync(built))
      throw new Error(
        `Coquille non construite : ${shellMain(product)} (lancez d’abord npm run build:shells)`,
      );
    cpSync(join(repoRoot, product, 'dist-electron'), join(outDir, 'dist-electron'), { recursive: true });
    main = 'dist-electron/main.cjs';
  }
  const { productName, description } = PRODUCTS[product];
  const manifest = {
    name: `gfa-${product}`,
    productName,
    description,
    version: readManifest(repoRoot).version,
    author: 'GFA',
    license: 'UNLICENSED',
    private: true,
    main,
  };
  writeFileSync(join(outDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return outDir;
}
