/**
 * The circulation sheet's barcode: the encoder's output, drawn by real
 * Chromium, is read back by an independent decoder (zbarimg, zbar-tools).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../../server/test/e2e/support/browser.js';
import { code128Bars, code128Symbols, code128Widths } from '../src/print/code128.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

async function decodeDrawn(text: string): Promise<string> {
  const { bars, width } = code128Bars(text);
  const rects = bars
    .map((b) => `<rect x="${b.x}" y="0" width="${b.width}" height="60" fill="#000"/>`)
    .join('');
  const page = await browser.newPage({ viewport: { width: width * 3 + 40, height: 120 } });
  await page.setContent(
    `<body style="margin:20px;background:#fff"><svg width="${width * 3}" height="60" viewBox="0 0 ${width} 60" preserveAspectRatio="none" shape-rendering="crispEdges">${rects}</svg></body>`,
  );
  const file = join(mkdtempSync(join(tmpdir(), 'gfa-code128-')), 'code.png');
  writeFileSync(file, await page.screenshot());
  await page.close();
  return execFileSync('zbarimg', ['--quiet', '--raw', file], { encoding: 'utf8' }).trim();
}

describe('Code 128 encoder', () => {
  it('every symbol is 11 modules wide and the stop 13, as the standard sets', () => {
    const widths = code128Widths('A');
    // start + 1 character + checksum = 3 symbols of 6 elements, then the 7-element stop.
    expect(widths).toHaveLength(3 * 6 + 7);
    for (let i = 0; i < 3; i++) expect(widths.slice(i * 6, i * 6 + 6).reduce((a, b) => a + b)).toBe(11);
    expect(widths.slice(18).reduce((a, b) => a + b)).toBe(13);
  });

  it('computes the modulo-103 checksum over start B and weighted characters', () => {
    // "AB": 104 + 33×1 + 34×2 = 205 → 205 mod 103 = 102.
    expect(code128Symbols('AB')).toEqual([104, 33, 34, 102]);
  });

  it('refuses what set B cannot carry, with a French message', () => {
    expect(() => code128Symbols('Joël')).toThrow(/ASCII imprimables/);
    expect(() => code128Symbols('')).toThrow(RangeError);
  });

  it.each(['RDV-0001', 'SA-2026-12-01-042', 'abc xyz 09~'])('is read back by zbarimg: %s', async (text) => {
    expect(await decodeDrawn(text)).toBe(text);
  });
});
