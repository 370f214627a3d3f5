/**
 * Small PNG images drawn in code (no image files to package): the
 * workstation's overlay badge with the number of assigned consultants, and
 * its tray icon. Windows shows the overlay on the taskbar button.
 */
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];

// 3×5 digits, one string per row.
const GLYPHS: Readonly<Record<string, readonly string[]>> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '+': ['000', '010', '111', '010', '000'],
};

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(6, 9); // RGBA
  const rows: number[] = [];
  for (let y = 0; y < size; y += 1) {
    rows.push(0); // no filter
    for (let x = 0; x < size; x += 1) rows.push(...pixel(x, y));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export const badgeLabel = (count: number): string => (count > 9 ? '9+' : String(Math.max(0, count)));

const RED: Rgba = [200, 30, 40, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const BLUE: Rgba = [31, 95, 168, 255];
const CLEAR: Rgba = [0, 0, 0, 0];

/** 16×16: a red disc with the count in white, two pixels per glyph dot. */
export function badgePng(count: number): Buffer {
  const label = badgeLabel(count);
  const width = label.length * 6 + (label.length - 1);
  const left = Math.floor((16 - width) / 2);
  const top = 3;
  return encodePng(16, (x, y) => {
    const inside = (x - 7.5) ** 2 + (y - 7.5) ** 2 <= 64;
    if (!inside) return CLEAR;
    const gx = x - left;
    const gy = y - top;
    if (gy >= 0 && gy < 10 && gx >= 0 && gx < width) {
      const index = Math.floor(gx / 7);
      const column = gx % 7;
      const glyph = GLYPHS[label[index] ?? ''];
      if (glyph && column < 6 && glyph[Math.floor(gy / 2)]?.[Math.floor(column / 2)] === '1') return WHITE;
    }
    return RED;
  });
}

/** 16×16 tray icon: a blue rounded square. */
export function trayIconPng(): Buffer {
  return encodePng(16, (x, y) => (x >= 1 && x <= 14 && y >= 1 && y <= 14 ? BLUE : CLEAR));
}
