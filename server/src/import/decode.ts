/**
 * Text of an agenda export as French offices produce it: UTF-8 with or
 * without BOM, or Windows-1252 (Excel "CSV (séparateur : point-virgule)").
 * Detection: a BOM wins; otherwise strict UTF-8, else Windows-1252.
 */
export type Encoding = 'utf-8' | 'windows-1252';

export class UnreadableFile extends Error {}

export function decodeCsv(bytes: Uint8Array): { encoding: Encoding; text: string } {
  if (bytes.length === 0) throw new UnreadableFile('Le fichier est vide.');
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new UnreadableFile(
      'Encodage non pris en charge (UTF-16) : enregistrez le fichier en CSV UTF-8 ou Windows.',
    );
  }
  if (bytes.includes(0)) throw new UnreadableFile("Ce fichier n'est pas un fichier texte CSV.");
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(hasBom ? bytes.subarray(3) : bytes);
    return { encoding: 'utf-8', text };
  } catch {
    return { encoding: 'windows-1252', text: new TextDecoder('windows-1252').decode(bytes) };
  }
}
