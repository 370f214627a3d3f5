/**
 * Text of an agenda export as French offices produce it: UTF-8 with or
 * without BOM, Windows-1252 (Excel « CSV (séparateur : point-virgule) »), or
 * UTF-16 with its BOM (Excel « Texte Unicode », tab-separated).
 * Detection: a BOM wins; otherwise strict UTF-8, else Windows-1252.
 * Windows-1252 goes through iconv-lite: Node's TextDecoder maps 0x80–0x9F
 * (’ Œ œ € – …) to control characters.
 */
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export class UnreadableFile extends Error {}

const starts = (bytes: Uint8Array, ...prefix: number[]): boolean => prefix.every((b, i) => bytes[i] === b);

export function decodeCsv(bytes: Uint8Array): { encoding: Encoding; text: string } {
  if (bytes.length === 0) throw new UnreadableFile('Le fichier est vide.');
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (starts(bytes, 0xff, 0xfe)) return { encoding: 'utf-16le', text: iconv.decode(buffer, 'utf-16le') };
  if (starts(bytes, 0xfe, 0xff)) return { encoding: 'utf-16be', text: iconv.decode(buffer, 'utf-16be') };
  if (bytes.includes(0)) throw new UnreadableFile("Ce fichier n'est pas un fichier texte CSV.");
  const hasBom = starts(bytes, 0xef, 0xbb, 0xbf);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
    return { encoding: 'utf-8', text };
  } catch {
    return { encoding: 'windows-1252', text: iconv.decode(buffer, 'windows-1252') };
  }
}
