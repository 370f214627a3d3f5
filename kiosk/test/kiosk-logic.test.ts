import { describe, expect, it } from 'vitest';
import { scannerCapture } from '../src/scanner.js';
import { birthDateOf } from '../src/store.js';

const key = (k: string, timeStamp: number) => ({ key: k, timeStamp }) as KeyboardEvent;

describe('kiosk input', () => {
  it('captures a fast scanner burst ending with Enter, not a human typing slowly', () => {
    const scans: string[] = [];
    const onKey = scannerCapture((code) => scans.push(code));
    [...'RDV-0001'].forEach((k, i) => onKey(key(k, 1000 + i * 5)));
    onKey(key('Enter', 1045));
    [...'ABCD'].forEach((k, i) => onKey(key(k, 5000 + i * 400)));
    onKey(key('Enter', 6700));
    expect(scans).toEqual(['RDV-0001']);
  });

  it('reads a birth date typed as 8 digits, refusing impossible dates', () => {
    expect(birthDateOf('12041961')).toBe('1961-04-12');
    expect(birthDateOf('31021961')).toBeNull();
    expect(birthDateOf('1204196')).toBeNull();
  });
});
