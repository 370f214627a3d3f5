import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PRODUCTS } from '../icons/artwork.js';
import { ICON_DIR, ICO_SIZES, iconFiles } from '../icons/make-icons.js';
import { PNG_SIGNATURE, crc32 } from '../icons/png.js';

/** Walks the chunks of a PNG, checking each CRC, and returns them by type. */
function readChunks(png: Buffer): Map<string, Buffer[]> {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const chunks = new Map<string, Buffer[]>();
  let at = 8;
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('ascii');
    const body = png.subarray(at + 8, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(png.subarray(at + 4, at + 8 + length)));
    chunks.set(type, [...(chunks.get(type) ?? []), body]);
    at += 12 + length;
  }
  return chunks;
}

describe('product icons', () => {
  it('crc32 matches the reference value of the PNG specification test string', () => {
    expect(crc32(Buffer.from('123456789', 'ascii'))).toBe(0xcbf43926);
  });

  for (const product of PRODUCTS) {
    it(`${product}: committed files show what the generator draws`, () => {
      // Compared after decompression: zlib builds (and CPU-specific paths) may compress differently.
      const pixels = (png: Buffer): Buffer => inflateSync(Buffer.concat(readChunks(png).get('IDAT') ?? []));
      const committedPng = readFileSync(join(ICON_DIR, `${product}.png`));
      const { png, ico } = iconFiles(product);
      expect(pixels(committedPng).equals(pixels(png))).toBe(true);
      const committedIco = readFileSync(join(ICON_DIR, `${product}.ico`));
      // The DIB entries are uncompressed: identical bytes between the directory and the PNG entry.
      const directoryEnd = 6 + 16 * ICO_SIZES.length;
      const pngAt = committedIco.readUInt32LE(directoryEnd - 16 + 12);
      expect(ico.readUInt32LE(directoryEnd - 16 + 12)).toBe(pngAt);
      expect(committedIco.subarray(directoryEnd, pngAt).equals(ico.subarray(directoryEnd, pngAt))).toBe(true);
      expect(pixels(committedIco.subarray(pngAt)).equals(pixels(ico.subarray(pngAt)))).toBe(true);
    });

    it(`${product}: the PNG is a valid 256×256 RGBA image with transparent corners`, () => {
      const chunks = readChunks(readFileSync(join(ICON_DIR, `${product}.png`)));
      const header = chunks.get('IHDR')?.[0] as Buffer;
      expect([header.readUInt32BE(0), header.readUInt32BE(4), header[8], header[9]]).toEqual([
        256, 256, 8, 6,
      ]);
      const raw = inflateSync(Buffer.concat(chunks.get('IDAT') ?? []));
      expect(raw.length).toBe((256 * 4 + 1) * 256);
      const alphaAt = (x: number, y: number): number => raw[y * (256 * 4 + 1) + 1 + x * 4 + 3] as number;
      expect(alphaAt(0, 0)).toBe(0);
      expect(alphaAt(128, 128)).toBe(255);
    });

    it(`${product}: the ICO holds 16, 32, 48 and 256 px entries, the last one a PNG`, () => {
      const ico = readFileSync(join(ICON_DIR, `${product}.ico`));
      expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([
        0,
        1,
        ICO_SIZES.length,
      ]);
      const entries = ICO_SIZES.map((_, index) => {
        const at = 6 + index * 16;
        return {
          size: ico.readUInt8(at) || 256,
          length: ico.readUInt32LE(at + 8),
          offset: ico.readUInt32LE(at + 12),
        };
      });
      expect(entries.map((entry) => entry.size)).toEqual([...ICO_SIZES]);
      const last = entries.at(-1) as (typeof entries)[number];
      expect(last.offset + last.length).toBe(ico.length);
      expect(ico.subarray(last.offset, last.offset + 8).equals(PNG_SIGNATURE)).toBe(true);
      const small = entries[0] as (typeof entries)[number];
      expect(ico.readUInt32LE(small.offset)).toBe(40); // BITMAPINFOHEADER
    });
  }
});
