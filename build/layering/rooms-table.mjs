/**
 * The rooms table of `docs/ARCHITECTURE.md`, generated from `build/layers.mjs`
 * between two markers. `node build/layering/rooms-table.mjs` (npm run
 * docs:layers) rewrites it; `build/test/layers.test.ts` fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOMS } from '../layers.mjs';

export const BEGIN =
  '<!-- rooms: generated from build/layers.mjs by `npm run docs:layers`; do not edit by hand -->';
export const END = '<!-- rooms: end -->';

const code = (text) => `\`${text}\``;

function mayImport(room) {
  const parts = [
    room.mayImport.length ? `rooms ${room.mayImport.map(code).join(', ')}` : 'no other room',
    room.packages.length ? `packages ${room.packages.map(code).join(', ')}` : 'no npm package',
    room.node ? 'Node built-ins' : 'no Node built-in',
  ];
  return room.note ? `${parts.join('; ')} — ${room.note}` : parts.join('; ');
}

/** The markdown table, one row per room. */
export function roomsTable() {
  const rows = ROOMS.map(
    (r) =>
      `| ${code(r.id)}: ${r.folders.map((f) => code(`${f}/`)).join(', ')} | ${r.holds} | ${mayImport(r)} |`,
  );
  return ['| room | what lives there | may import |', '|---|---|---|', ...rows].join('\n');
}

/** The document with its table block replaced by the generated one. */
export function withRoomsTable(doc) {
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`docs/ARCHITECTURE.md lacks the markers ${BEGIN} … ${END}`);
  return `${doc.slice(0, begin)}${BEGIN}\n${roomsTable()}\n${doc.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = join(import.meta.dirname, '../../docs/ARCHITECTURE.md');
  writeFileSync(file, withRoomsTable(readFileSync(file, 'utf8')));
}
