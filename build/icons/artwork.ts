/**
 * The four product icons, drawn from rectangles in unit coordinates so that every size is
 * rendered natively (no scaling blur): a rounded tile in the product's colour and a white glyph.
 */
import type { Rgba } from './png.js';

export const PRODUCTS = ['server', 'kiosk', 'display', 'workstation'] as const;
export type Product = (typeof PRODUCTS)[number];

/** [x0, y0, x1, y1] in 0..1; 'fg' paints the glyph, 'bg' cuts it back to the tile colour. */
type Shape = readonly [number, number, number, number, 'fg' | 'bg'];

interface Artwork {
  readonly tile: readonly [number, number, number];
  readonly shapes: readonly Shape[];
}

const ARTWORK: Record<Product, Artwork> = {
  // Three rack units: the box that serves the queues.
  server: {
    tile: [0x1f, 0x4e, 0x79],
    shapes: [
      [0.22, 0.2, 0.78, 0.34, 'fg'],
      [0.22, 0.43, 0.78, 0.57, 'fg'],
      [0.22, 0.66, 0.78, 0.8, 'fg'],
      [0.64, 0.25, 0.72, 0.29, 'bg'],
      [0.64, 0.48, 0.72, 0.52, 'bg'],
      [0.64, 0.71, 0.72, 0.75, 'bg'],
    ],
  },
  // A standing terminal with its screen and ticket slot.
  kiosk: {
    tile: [0x2e, 0x7d, 0x32],
    shapes: [
      [0.34, 0.14, 0.66, 0.86, 'fg'],
      [0.39, 0.2, 0.61, 0.48, 'bg'],
      [0.43, 0.58, 0.57, 0.62, 'bg'],
    ],
  },
  // A TV on its stand showing a called number.
  display: {
    tile: [0x6a, 0x1b, 0x9a],
    shapes: [
      [0.12, 0.2, 0.88, 0.66, 'fg'],
      [0.17, 0.25, 0.83, 0.61, 'bg'],
      [0.3, 0.39, 0.7, 0.47, 'fg'],
      [0.46, 0.66, 0.54, 0.76, 'fg'],
      [0.32, 0.76, 0.68, 0.81, 'fg'],
    ],
  },
  // A desk monitor and keyboard.
  workstation: {
    tile: [0xc7, 0x5b, 0x12],
    shapes: [
      [0.2, 0.16, 0.8, 0.58, 'fg'],
      [0.25, 0.21, 0.75, 0.53, 'bg'],
      [0.46, 0.58, 0.54, 0.67, 'fg'],
      [0.18, 0.72, 0.82, 0.81, 'fg'],
    ],
  },
};

const RADIUS = 0.18;
const SAMPLES = 4; // 4×4 supersampling smooths the rounded corners

function insideTile(x: number, y: number): boolean {
  const cx = Math.min(Math.max(x, RADIUS), 1 - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), 1 - RADIUS);
  return (x - cx) ** 2 + (y - cy) ** 2 <= RADIUS ** 2;
}

function colourAt(art: Artwork, x: number, y: number): readonly [number, number, number] | null {
  if (!insideTile(x, y)) return null;
  let paint: 'fg' | 'bg' = 'bg';
  for (const [x0, y0, x1, y1, kind] of art.shapes) {
    if (x >= x0 && x < x1 && y >= y0 && y < y1) paint = kind;
  }
  return paint === 'fg' ? [0xff, 0xff, 0xff] : art.tile;
}

/** Renders one product's icon at `size`×`size`. Deterministic: same input, same bytes. */
export function renderIcon(product: Product, size: number): Rgba {
  const art = ARTWORK[product];
  const data = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let covered = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const colour = colourAt(
            art,
            (px + (sx + 0.5) / SAMPLES) / size,
            (py + (sy + 0.5) / SAMPLES) / size,
          );
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          covered += 1;
        }
      }
      const at = (py * size + px) * 4;
      if (covered > 0) {
        data[at] = Math.round(r / covered);
        data[at + 1] = Math.round(g / covered);
        data[at + 2] = Math.round(b / covered);
        data[at + 3] = Math.round((covered * 255) / (SAMPLES * SAMPLES));
      }
    }
  }
  return { width: size, height: size, data };
}
