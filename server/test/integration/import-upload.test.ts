/** The administrator uploads today's appointment file: the new consultant is expected at once and can check in. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, CheckinResponse, ImportReport, VisitDto } from '@gfa/shared';
import { localDay } from '../../src/calendar/local-time.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { readJournal } from './support/journal.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

const today = localDay(Date.now()).split('-').reverse().join('/');
const HEADER =
  'Nom;Prénom;Civilité;Date de naissance;Date RDV;Heure RDV;Motif;Professionnel;Identifiant;Référence';
const paul = `Nouveau;Paul;M.;02/03/1975;${today};16:45;EIP;Carole Petit;SA-NEW-1;RDV-NEW-1`;
const lucie = (time: string): string =>
  `Martin;Lucie;Mme;09/10/1980;${today};${time};EIP;Carole Petit;SA-NEW-2;RDV-NEW-2`;
const upload = (dryRun: boolean, lines: string[] = [paul]) => ({
  file: 'rdv-du-jour.csv',
  contentBase64: Buffer.from([HEADER, ...lines].join('\r\n'), 'utf8').toString('base64'),
  profile: 'standard',
  dryRun,
});

describe('appointment upload', () => {
  it('is for administrators only', async () => {
    const user = await demo.login('sophie');
    expect((await user.call<ApiErrorBody>('POST', '/api/imports', upload(true))).status).toBe(403);
  });

  it('previews, imports, and the consultant is expected and recognised at the kiosk', async () => {
    const admin = await demo.login('admin');
    const preview = await admin.call<ImportReport>('POST', '/api/imports', upload(true));
    expect(preview.body).toMatchObject({ dryRun: true, created: 1, errors: [] });
    const imported = await admin.call<ImportReport>('POST', '/api/imports', upload(false));
    expect(imported.body).toMatchObject({ dryRun: false, created: 1, errors: [] });
    const visits = await admin.call<{ visits: VisitDto[] }>('GET', '/api/visits');
    const paul = visits.body.visits.find((v) => v.identity.lastName === 'Nouveau');
    expect(paul).toMatchObject({ state: 'expected', appointmentProfessionalId: 'carole' });
    const kiosk = await demo.device('kiosk');
    const res = await kiosk.call<CheckinResponse>('POST', '/api/checkin', {
      idempotencyKey: 'upload-0001',
      by: { kind: 'reference', reference: 'RDV-NEW-1' },
    });
    expect(res.body.outcome).toBe('recognised');
    expect(res.body.instruction.sentence).toContain('Carole Petit');
  });

  it('a re-import withdraws the expected visits it cancels or changes, never an arrived one', async () => {
    const admin = await demo.login('admin');
    const visitsOf = async (lastName: string): Promise<VisitDto[]> =>
      (await admin.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits.filter(
        (v) => v.identity.lastName === lastName,
      );
    const states = async (lastName: string): Promise<[string, number | null][]> =>
      (await visitsOf(lastName)).map((v) => [v.state, v.appointmentAt]);
    const at = (time: string): number => {
      const [d, m, y] = today.split('/');
      return new Date(`${y}-${m}-${d}T${time}:00`).getTime();
    };
    const paulBefore = await visitsOf('Nouveau');
    expect(paulBefore.map((v) => v.state)).toEqual(['waiting']);

    await admin.call('POST', '/api/imports', upload(false, [paul, lucie('17:00')]));
    expect(await states('Martin')).toEqual([['expected', at('17:00')]]);

    const moved = await admin.call<ImportReport>(
      'POST',
      '/api/imports',
      upload(false, [paul, lucie('17:15')]),
    );
    expect(moved.body).toMatchObject({ updated: 1, errors: [] });
    expect(await states('Martin')).toEqual([
      ['cancelled', at('17:00')],
      ['expected', at('17:15')],
    ]);

    const gone = await admin.call<ImportReport>('POST', '/api/imports', upload(false, [lucie('17:15')]));
    expect(gone.body).toMatchObject({ kept: 1, errors: [] });
    expect(await states('Martin')).toEqual([
      ['cancelled', at('17:00')],
      ['expected', at('17:15')],
    ]);
    expect((await visitsOf('Nouveau')).map((v) => [v.id, v.state])).toEqual(
      paulBefore.map((v) => [v.id, 'waiting']),
    );

    const none = await admin.call<ImportReport>('POST', '/api/imports', upload(false, [paul]));
    expect(none.body).toMatchObject({ cancelled: 1, errors: [] });
    expect(await states('Martin')).toEqual([
      ['cancelled', at('17:00')],
      ['cancelled', at('17:15')],
    ]);
  });

  it('the administrator saves a column profile (journaled); "standard" stays as it is', async () => {
    const admin = await demo.login('admin');
    const columns = {
      lastName: 'NOM',
      firstName: 'PRENOM',
      birthDate: 'NAISSANCE',
      date: 'DATE',
      time: 'HEURE',
      reason: 'PRESTATION',
      phone: 'TEL',
    };
    const standard = await admin.call<ApiErrorBody>('PUT', '/api/imports/profiles', {
      name: 'standard',
      columns,
    });
    expect(standard.body.error.message).toBe(
      'Le profil « standard » ne se modifie pas : donnez un autre nom.',
    );
    const saved = await admin.call<{ profiles: { name: string }[] }>('PUT', '/api/imports/profiles', {
      name: 'agenda-cpam',
      columns,
    });
    expect(saved.body.profiles.map((p) => p.name)).toEqual(['standard', 'agenda-cpam']);
    const rows = [
      'NOM;PRENOM;NAISSANCE;DATE;HEURE;PRESTATION;TEL',
      `Roux;Anne;04/05/1970;${today};17:40;EIP;0600000000`,
    ];
    const report = await admin.call<ImportReport>('POST', '/api/imports', {
      file: 'agenda.csv',
      contentBase64: Buffer.from(rows.join('\n')).toString('base64'),
      profile: 'agenda-cpam',
      dryRun: true,
    });
    expect(report.body).toMatchObject({ created: 1, errors: [] });
    expect(readJournal(demo.dataDir).findLast((e) => e.type === 'config.changed')?.data).toMatchObject({
      subject: 'import-profile:agenda-cpam',
      before: null,
      after: { name: 'agenda-cpam', columns },
    });
  });

  it('an unknown profile is a French 400', async () => {
    const admin = await demo.login('admin');
    const res = await admin.call<ApiErrorBody>('POST', '/api/imports', {
      ...upload(true),
      profile: 'agenda-2027',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Profil d’import inconnu : agenda-2027.');
  });
});
