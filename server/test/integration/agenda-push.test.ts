/**
 * Issue 15 item 6: an agenda pushes its appointments with an API key created in Administration; same
 * validation and per-source rules as a file, idempotent by the agenda's id; keys hashed, journaled, revocable.
 * Also the import screen's REST side of items 1 and 4 (confirmation count, value mapping).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, CreatedIntegration, ImportReport, Integration, VisitDto } from '@gfa/shared';
import { databaseFile, openDatabase } from '../../src/db/database.js';
import { localDay } from '../../src/calendar/local-time.js';
import { apiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { readJournal } from './support/journal.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

const today = localDay(Date.now());
const pushed = (id: string, lastName: string, time: string, extra: Record<string, string> = {}) => ({
  id,
  lastName,
  firstName: 'Awa',
  civility: 'Mme',
  birthDate: '05/06/1970',
  date: today,
  time,
  reason: 'EPS',
  ...extra,
});

describe('agenda push', () => {
  let key = '';
  let integration: Integration;

  it('the administrator creates an integration: its key is shown once and stored hashed, journaled', async () => {
    const user = await demo.login('sophie');
    expect((await user.call('POST', '/api/admin/integrations', { name: 'SMARTAGENDA EPS' })).status).toBe(
      403,
    );
    const admin = await demo.login('admin');
    const res = await admin.call<CreatedIntegration>('POST', '/api/admin/integrations', {
      name: 'SMARTAGENDA EPS',
      source: 'smartagenda-eps',
    });
    expect(res.status).toBe(200);
    ({ key, integration } = res.body);
    expect(key).toMatch(/^gfa_agenda_[\w-]{43}$/);
    expect(integration).toMatchObject({
      name: 'SMARTAGENDA EPS',
      source: 'smartagenda-eps',
      profile: 'standard',
    });
    const handle = openDatabase(databaseFile(demo.dataDir));
    try {
      const stored = handle.sqlite.prepare('select key_hash from integrations').all() as {
        key_hash: string;
      }[];
      expect(stored).toHaveLength(1);
      expect(stored[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(handle.sqlite.prepare('select * from events').all())).not.toContain(key);
    } finally {
      handle.close();
    }
    expect(readJournal(demo.dataDir).filter((e) => e.type === 'integration.created')).toMatchObject([
      {
        actor: { kind: 'user', id: 'admin' },
        data: { integrationId: integration.id, name: 'SMARTAGENDA EPS' },
      },
    ]);
  });

  it('only a valid key pushes: no key, a session token or a wrong key are refused', async () => {
    const body = { appointments: [pushed('P-1', 'Diallo', '10:00')] };
    const anonymous = apiClient(demo.server.url, demo.ca);
    expect((await anonymous.call('POST', '/api/agenda/appointments', body)).status).toBe(401);
    const admin = await demo.login('admin');
    expect((await admin.call('POST', '/api/agenda/appointments', body)).status).toBe(403);
    const wrong = apiClient(demo.server.url, demo.ca, `gfa_agenda_${'x'.repeat(43)}`);
    expect((await wrong.call('POST', '/api/agenda/appointments', body)).status).toBe(401);
    await anonymous.close();
    await wrong.close();
  });

  it('a push creates, is idempotent by the agenda id, updates, cancels « Annulé » and never what it omits', async () => {
    const agenda = apiClient(demo.server.url, demo.ca, key);
    const first = await agenda.call<ImportReport>('POST', '/api/agenda/appointments', {
      appointments: [pushed('P-1', 'Diallo', '10:00'), pushed('P-2', 'N’Diaye', '10:30')],
    });
    expect(first.body).toMatchObject({ source: 'smartagenda-eps', created: 2, errors: [] });
    const again = await agenda.call<ImportReport>('POST', '/api/agenda/appointments', {
      appointments: [pushed('P-1', 'Diallo', '10:00'), pushed('P-2', 'N’Diaye', '10:30')],
    });
    expect(again.body).toMatchObject({ created: 0, updated: 0, cancelled: 0 });
    const later = await agenda.call<ImportReport>('POST', '/api/agenda/appointments', {
      appointments: [pushed('P-1', 'Diallo', '11:00'), pushed('P-3', 'Sow', '11:30')],
    });
    expect(later.body).toMatchObject({ created: 1, updated: 1, cancelled: 0 });
    const cancel = await agenda.call<ImportReport>('POST', '/api/agenda/appointments', {
      appointments: [pushed('P-3', 'Sow', '11:30', { status: 'Annulé' })],
    });
    expect(cancel.body).toMatchObject({ cancelled: 1, errors: [] });
    // The running server sees them at once; the demo's appointments of the day are untouched.
    const admin = await demo.login('admin');
    const visits = (await admin.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
    // A changed or cancelled appointment withdraws its expected visit (state `cancelled`), as a file does.
    const expected = visits.filter(
      (v) => v.state === 'expected' && ['Diallo', 'N’Diaye', 'Sow'].includes(v.identity.lastName),
    );
    expect(
      expected
        .map((v) => [v.identity.lastName, new Date(v.appointmentAt ?? 0).toTimeString().slice(0, 5)])
        .sort(),
    ).toEqual([
      ['Diallo', '11:00'],
      ['N’Diaye', '10:30'],
    ]);
    // Reception search on the server's folding: « N’Diaye » is found typed « NDIAYE ».
    expect(expected.find((v) => v.identity.lastName === 'N’Diaye')?.searchKey).toBe('NDIAYE AWA');
    expect(visits.length).toBeGreaterThanOrEqual(82);
    await agenda.close();
  });

  it('bad appointments are refused whole, each by its rank, with the protocol’s limits', async () => {
    const agenda = apiClient(demo.server.url, demo.ca, key);
    const res = await agenda.call<ImportReport>('POST', '/api/agenda/appointments', {
      appointments: [
        pushed('P-10', 'Ba', '09:00'),
        pushed('P-11', 'B'.repeat(81), '09:00'),
        pushed('P-12', 'Fall', '09:00', { reason: 'Agenda EPS', birthDate: '05/06/70' }),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'lastName'],
      [3, 'birthDate'],
      [3, 'reason'],
    ]);
    expect(res.body.errors[0]?.message).toBe('Valeur trop longue : 81 caractères, 80 au plus.');
    expect(res.body.created).toBe(0);
    const shape = await agenda.call<ApiErrorBody>('POST', '/api/agenda/appointments', {
      appointments: [{ id: 'x' }],
    });
    expect(shape.status).toBe(400);
    await agenda.close();
  });

  it('a revoked key pushes no more (journaled)', async () => {
    const admin = await demo.login('admin');
    const res = await admin.call<{ integrations: Integration[] }>(
      'DELETE',
      `/api/admin/integrations/${integration.id}`,
    );
    expect(res.body.integrations[0]?.revokedAt).toEqual(expect.any(Number));
    const agenda = apiClient(demo.server.url, demo.ca, key);
    expect(
      (
        await agenda.call('POST', '/api/agenda/appointments', {
          appointments: [pushed('P-9', 'Kane', '12:00')],
        })
      ).status,
    ).toBe(401);
    expect((await admin.call('DELETE', `/api/admin/integrations/${integration.id}`)).status).toBe(404);
    expect(readJournal(demo.dataDir).filter((e) => e.type === 'integration.revoked')).toHaveLength(1);
    await agenda.close();
  });

  it('the OpenAPI document declares the push with its key scheme', async () => {
    const admin = await demo.login('admin');
    const doc = (
      await admin.call<{
        paths: Record<string, Record<string, { security: unknown }>>;
        components: { securitySchemes: Record<string, unknown> };
      }>('GET', '/api/openapi.json')
    ).body;
    expect(doc.paths['/api/agenda/appointments']?.post?.security).toEqual([{ integrationKey: [] }]);
    expect(doc.components.securitySchemes.integrationKey).toMatchObject({ type: 'http', scheme: 'bearer' });
  });
});

describe('import screen, REST side', () => {
  const HEADER = 'Nom;Prénom;Civilité;Date de naissance;Date RDV;Heure RDV;Motif;Professionnel;Identifiant';
  const fr = today.split('-').reverse().join('/');
  const upload = (lines: string[], extra: object = {}) => ({
    file: 'agenda.csv',
    contentBase64: Buffer.from([HEADER, ...lines].join('\r\n')).toString('base64'),
    profile: 'standard',
    dryRun: false,
    ...extra,
  });

  it('an unknown value is mapped from the check and saved (journaled), then the file imports', async () => {
    const admin = await demo.login('admin');
    const line = `Petit;Jean;M.;01/01/1950;${fr};15:00;Examen de prévention en santé (EPS);IDE - Carole PETIT;V-1`;
    const refused = await admin.call<ImportReport>('POST', '/api/imports', upload([line], { dryRun: true }));
    expect(refused.body.unknownValues.map((u) => [u.field, u.value])).toEqual([
      ['reason', 'Examen de prévention en santé (EPS)'],
      ['professional', 'IDE - Carole PETIT'],
    ]);
    const user = await demo.login('sophie');
    const values = {
      reasons: { 'Examen de prévention en santé (EPS)': 'eps' },
      professionals: { 'IDE - Carole PETIT': 'carole' },
    };
    expect(
      (await user.call('PUT', '/api/imports/profiles/values', { profile: 'standard', values })).status,
    ).toBe(403);
    const stray = await admin.call<ApiErrorBody>('PUT', '/api/imports/profiles/values', {
      profile: 'standard',
      values: { reasons: { x: 'nope' }, professionals: {} },
    });
    expect(stray.status).toBe(400);
    expect(
      (await admin.call('PUT', '/api/imports/profiles/values', { profile: 'standard', values })).status,
    ).toBe(200);
    expect(
      readJournal(demo.dataDir).filter(
        (e) => e.type === 'config.changed' && e.data.subject === 'import-values:standard',
      ),
    ).toHaveLength(1);
    const imported = await admin.call<ImportReport>('POST', '/api/imports', upload([line]));
    expect(imported.body).toMatchObject({ created: 1, errors: [] });
  });
});
