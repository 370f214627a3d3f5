/**
 * Barcode/QR scanners act as keyboards: they type the convocation reference
 * very fast and end with Enter. Keystrokes closer than `maxGapMs` are
 * gathered; a human typing on the screen never triggers it.
 */
export function scannerCapture(
  onScan: (code: string) => void,
  maxGapMs = 60,
): (event: KeyboardEvent) => void {
  let buffer = '';
  let last = 0;
  return (event) => {
    const now = event.timeStamp;
    if (now - last > maxGapMs) buffer = '';
    last = now;
    if (event.key === 'Enter') {
      if (buffer.length >= 4) onScan(buffer);
      buffer = '';
    } else if (event.key.length === 1) {
      buffer += event.key;
    }
  };
}
