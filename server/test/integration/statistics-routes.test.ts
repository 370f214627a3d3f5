/**
 * Statistics and exports over HTTP (administrator only): the period's figures
 * validate against the protocol, the XLSX is read back by openpyxl (an
 * independent reader), the CSV and full exports are zips, each export is
 * journaled, and a reversed period is refused in French.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { ExportFile, Statistics, type ApiErrorBody } from '@gfa/shared';
import { databaseFile, openDatabase } from '../../src/db/database.js';
import { latestEntriesOf } from '../../src/db/journal-store.js';
import { localDay } from '../../src/calendar/local-time.js';
import type { ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';

let demo: DemoServer;
let admin: ApiClient;
const today = localDay(Date.now());

beforeAll(async () => {
  demo = await startDemoServer();
  admin = await demo.login('admin');
  // One finished care today, so the figures are not all empty.
  const reception = await demo.login('sophie');
  const visits = (
    await reception.call<{
      visits: { id: string; state: string; reasonId: string; appointmentId: string }[];
    }>('GET', '/api/visits')
  ).body.visits;
  const visit = visits.find((v) => v.state === 'expected' && v.reasonId === 'eps');
  await reception.call('POST', '/api/visits', { appointmentId: visit?.appointmentId });
  const christelle = await demo.login('christelle');
  await christelle.call('POST', '/api/desk/presence', { state: 'available' });
  for (const type of ['call', 'start', 'finish'])
    await christelle.call('POST', `/api/visits/${visit?.id}/actions`, { type });
});
afterAll(async () => demo.close());

describe('statistics and exports over HTTP', () => {
  it('gives the period’s statistics', async () => {
    const res = await admin.call('GET', `/api/statistics?from=${today}&to=${today}`);
    expect(res.status).toBe(200);
    const stats = Statistics.parse(res.body);
    expect(stats.all.cares).toBe(1);
    expect(stats.byProfessional.map((r) => r.professionalId)).toEqual(['christelle']);
  });

  it('refuses a reversed period in French, and non-administrators', async () => {
    const res = await admin.call<ApiErrorBody>('GET', '/api/statistics?from=2026-12-31&to=2026-01-01');
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/date de début/);
    const supervisor = await demo.login('virginie');
    expect((await supervisor.call('GET', `/api/statistics?from=${today}&to=${today}`)).status).toBe(403);
  });

  it('exports XLSX (read back by openpyxl), CSV in a zip, and everything; each export is journaled', async () => {
    const xlsx = ExportFile.parse(
      (await admin.call('GET', `/api/exports/statistics?from=${today}&to=${today}&format=xlsx`)).body,
    );
    const file = join(mkdtempSync(join(tmpdir(), 'gfa-xlsx-')), xlsx.file);
    writeFileSync(file, Buffer.from(xlsx.contentBase64, 'base64'));
    const sheets = execFileSync(
      '/usr/bin/python3',
      ['-c', 'import openpyxl,sys; print(openpyxl.load_workbook(sys.argv[1]).sheetnames)', file],
      { encoding: 'utf8' },
    );
    expect(sheets).toMatch(/Professionnels|professionnel/i);

    const csv = ExportFile.parse(
      (await admin.call('GET', `/api/exports/statistics?from=${today}&to=${today}&format=csv`)).body,
    );
    const csvFiles = Object.keys(unzipSync(Buffer.from(csv.contentBase64, 'base64')));
    expect(csvFiles.length).toBeGreaterThan(1);
    expect(csvFiles.every((name) => name.endsWith('.csv'))).toBe(true);

    const all = ExportFile.parse((await admin.call('GET', '/api/exports/all')).body);
    const archive = unzipSync(Buffer.from(all.contentBase64, 'base64'));
    expect(Object.keys(archive)).toContain('gfa-export.xlsx');
    expect(Object.keys(archive)).toContain('csv/visites.csv');

    const handle = openDatabase(databaseFile(demo.dataDir));
    try {
      const exports = latestEntriesOf(handle.db, ['export.created'], 10).map((e) => e.data.kind);
      expect(exports).toEqual(['all', 'statistics', 'statistics']);
    } finally {
      handle.close();
    }
  });
});
