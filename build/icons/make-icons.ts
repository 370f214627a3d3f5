/**
 * Writes build/icons/<product>.png (256×256) and build/icons/<product>.ico (16, 32, 48, 256).
 * Run with `npx tsx build/icons/make-icons.ts` after changing the artwork; the outputs are
 * committed (a few KB each) and a test checks they match this generator.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PRODUCTS, renderIcon, type Product } from './artwork.js';
import { encodeIco, encodePng } from './png.js';

export const ICON_DIR = dirname(fileURLToPath(import.meta.url));
export const ICO_SIZES = [16, 32, 48, 256] as const;

export function iconFiles(product: Product): { png: Buffer; ico: Buffer } {
  return {
    png: encodePng(renderIcon(product, 256)),
    ico: encodeIco(ICO_SIZES.map((size) => renderIcon(product, size))),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const product of PRODUCTS) {
    const { png, ico } = iconFiles(product);
    writeFileSync(join(ICON_DIR, `${product}.png`), png);
    writeFileSync(join(ICON_DIR, `${product}.ico`), ico);
    console.log(`${product}: png ${png.length} o, ico ${ico.length} o`);
  }
}
