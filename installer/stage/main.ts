/**
 * `npx tsx installer/stage/main.ts <server|kiosk|display|workstation>…`: prepares what the
 * electron-builder configurations of installer/builder/ package, under dist/stage/. Run by the
 * Windows workflow after `npm run build:ui` and `npm run build:shells`.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCTS, isProduct, stageApp } from './stage-apps.js';
import { stageServer } from './stage-server.js';

export const REPO_ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const STAGE_DIR = join(REPO_ROOT, 'dist', 'stage');

async function main(argv: readonly string[]): Promise<void> {
  const products = argv.length > 0 ? argv : Object.keys(PRODUCTS);
  for (const product of products) {
    if (!isProduct(product))
      throw new Error(`Produit inconnu : ${product} (${Object.keys(PRODUCTS).join(', ')})`);
    await stageApp(REPO_ROOT, join(STAGE_DIR, 'apps', product), product);
    if (product === 'server') {
      const staged = stageServer(REPO_ROOT, join(STAGE_DIR, 'server-runtime'));
      console.log(`server-runtime : ${staged.packages.length} paquets, écrans ${staged.screens.join(', ')}`);
    }
    console.log(`${product} : prêt dans dist/stage/apps/${product}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
