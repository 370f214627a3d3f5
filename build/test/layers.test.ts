/**
 * The layering of docs/ARCHITECTURE.md as enforced: lint probes that must fail
 * (and one that must pass, so the probes prove something), every dependency
 * classified, the doc table equal to the data, and no import cycle.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { ROOMS } from '../layers.mjs';
import {
  layeringConfigs,
  missingFolders,
  unclassifiedDependencies,
  workspaceManifests,
} from '../layering/eslint-layers.mjs';
import { findCycles } from '../layering/import-cycles.mjs';
import { withRoomsTable } from '../layering/rooms-table.mjs';

const root = resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The layering messages ESLint gives for `code` as if it were the file `path`. */
async function layeringMessages(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'layers/allowed-imports').map((m) => m.message);
}

describe('lint probes (layers/allowed-imports)', () => {
  const refused: [string, string, string, RegExp][] = [
    [
      'the engine importing the service',
      'server/src/domain/probe.ts',
      "import type { QueueService } from '../service/queue-service.js';\nexport type X = QueueService;\n",
      /Room "domain" may not import room "service"/,
    ],
    [
      'the engine importing the web adapter',
      'server/src/domain/probe.ts',
      "export { createServer } from '../web/server.js';\n",
      /Room "domain" may not import room "edge"/,
    ],
    [
      'the database importing the web adapter',
      'server/src/db/probe.ts',
      "export * from '../web/api-failure.js';\n",
      /Room "db" may not import room "edge"/,
    ],
    [
      'shared/src importing better-sqlite3',
      'shared/src/probe.ts',
      "import Database from 'better-sqlite3';\nexport const open = () => new Database(':memory:');\n",
      /Room "shared" may not import "better-sqlite3"/,
    ],
    [
      'kiosk/src importing node:fs',
      'kiosk/src/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = () => readFileSync('x');\n",
      /Room "kiosk" does no Node I\/O/,
    ],
    [
      'kiosk/src importing a bare built-in',
      'kiosk/src/probe.ts',
      "export const load = () => import('fs');\n",
      /Room "kiosk" does no Node I\/O/,
    ],
    [
      'workstation/src importing server/src',
      'workstation/src/probe.ts',
      "import { localDay } from '../../server/src/calendar/local-time.js';\nexport const d = localDay(0);\n",
      /Room "workstation" may not import room "calendar"/,
    ],
    [
      'workstation/src importing the server package',
      'workstation/src/probe.ts',
      "import '@gfa/server';\n",
      /"@gfa\/server" is not a workspace package of the layer map/,
    ],
    [
      'UI code importing electron',
      'display/src/probe.ts',
      "import { ipcRenderer } from 'electron';\nexport const r = ipcRenderer;\n",
      /Room "display" may not import "electron"/,
    ],
    [
      'server code importing a test helper',
      'server/src/web/probe.ts',
      "export * from '../../test/integration/support/demo-server.js';\n",
      /outside every room/,
    ],
    [
      'a package no room classifies',
      'server/test/probe.test.ts',
      "import leftPad from 'left-pad';\nexport const p = leftPad;\n",
      /Package "left-pad" is not classified/,
    ],
  ];
  it.each(refused)('refuses %s', async (_what, path, code, message) => {
    const messages = await layeringMessages(path, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(message);
  });

  it('accepts the arrows the table allows', async () => {
    const code = [
      "import type { DayState } from '../domain/index.js';",
      "import { appendAudit } from '../db/journal-audit.js';",
      "import { localDay } from '../calendar/local-time.js';",
      "import type { Visit } from '@gfa/shared';",
      "import { randomUUID } from 'node:crypto';",
      'export type T = [DayState, Visit];',
      'export const f = [appendAudit, localDay, randomUUID];',
      '',
    ].join('\n');
    expect(await layeringMessages('server/src/service/probe.ts', code)).toEqual([]);
  });
});

describe('layer data', () => {
  it('classifies every npm dependency of every workspace', () => {
    expect(unclassifiedDependencies(workspaceManifests(root))).toEqual([]);
    expect(unclassifiedDependencies([{ dependencies: { 'left-pad': '1.0.0', zod: '4' } }])).toEqual([
      'left-pad',
    ]);
  });

  it('fails the lint configuration when a dependency is unclassified', () => {
    const rooms = ROOMS.filter((r) => !r.packages.includes('commander'));
    expect(unclassifiedDependencies(workspaceManifests(root), rooms)).toEqual(['commander']);
    expect(() => layeringConfigs(root, rooms)).toThrow(/Unclassified npm dependencies.*commander/);
    expect(() => layeringConfigs(root)).not.toThrow();
  });

  it('names existing folders and rooms only', () => {
    expect(missingFolders(root)).toEqual([]);
    const ids = new Set(ROOMS.map((r) => r.id));
    expect(ids.size).toBe(ROOMS.length);
    expect(ROOMS.flatMap((r) => r.mayImport).filter((id) => !ids.has(id))).toEqual([]);
  });

  it('docs/ARCHITECTURE.md shows the rooms table generated from build/layers.mjs', () => {
    const doc = readFileSync(join(root, 'docs/ARCHITECTURE.md'), 'utf8');
    expect(withRoomsTable(doc)).toBe(doc);
  });
});

describe('import cycles', () => {
  it.each(['server/src', 'shared/src', 'shared/shell', 'workstation/src', 'kiosk/src', 'display/src'])(
    'none in %s',
    (dir) => {
      expect(findCycles(join(root, dir), root)).toEqual([]);
    },
  );
});
