/**
 * Administration over the real server: validation in French with nothing
 * written, every change journaled with who/before/after, changes pushed live
 * (WS `config`), and a journey change that never breaks visits in progress.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AdminUser,
  ApiErrorBody,
  CentreConfig,
  JourneyTemplate,
  SupervisionDto,
  VisitDto,
} from '@gfa/shared';
import { lastSeq } from '../../src/db/journal-store.js';
import { readJournal } from './support/journal.js';
import { databaseFile, openDatabase } from '../../src/db/database.js';
import type { ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { connectWs } from './support/ws-client.js';
import { localDay, localInstant } from '../../src/calendar/local-time.js';

let demo: DemoServer;
let admin: ApiClient;

beforeAll(async () => {
  // Noon of today: the morning's appointments are past, so lateness alerts can fire.
  const noon = localInstant(localDay(Date.now()), 12 * 60);
  demo = await startDemoServer(() => noon);
  admin = await demo.login('admin');
});
afterAll(async () => demo.close());

const journal = () => readJournal(demo.dataDir);
const seq = (): number => {
  const handle = openDatabase(databaseFile(demo.dataDir));
  try {
    return lastSeq(handle.db);
  } finally {
    handle.close();
  }
};

const threeSteps = [
  {
    key: 'accueil',
    label: 'Accueil',
    target: { kind: 'category', categoryId: 'administratif' },
    estimatedMinutes: 5,
    after: [],
    optional: false,
  },
  {
    key: 'soins',
    label: 'Soins',
    target: { kind: 'category', categoryId: 'infirmier' },
    estimatedMinutes: 15,
    after: ['accueil'],
    optional: false,
  },
  {
    key: 'bilan',
    label: 'Bilan',
    target: { kind: 'category', categoryId: 'medecin' },
    estimatedMinutes: 20,
    after: ['soins'],
    optional: false,
  },
];

describe('administration', () => {
  it('refuses invalid changes with a French message and writes nothing', async () => {
    const before = seq();
    const cases: [string, unknown, RegExp][] = [
      [
        '/api/admin/templates/eps',
        { steps: [{ ...threeSteps[1], after: ['nulle-part'] }] },
        /étape inconnue/,
      ],
      [
        '/api/admin/templates/eps',
        { steps: [{ ...threeSteps[0], after: ['soins'] }, threeSteps[1]] },
        /boucle/,
      ],
      [
        '/api/admin/templates/eps',
        { steps: [{ ...threeSteps[0], target: { kind: 'category', categoryId: 'x' } }] },
        /destinataire inconnu/,
      ],
      [
        '/api/admin/reasons/nouveau',
        { code: 'EPS', label: 'Doublon', priorityClass: 1, active: true },
        /déjà utilisé/,
      ],
      [
        '/api/admin/users/zoe',
        {
          login: 'zoe',
          displayName: 'Zoé',
          roles: ['user'],
          categoryIds: [],
          reasonIds: [],
          defaultRoomId: null,
          active: true,
        },
        /mot de passe est obligatoire/,
      ],
      [
        '/api/admin/users/zoe',
        {
          login: 'zoe',
          displayName: 'Zoé',
          roles: ['user'],
          categoryIds: [],
          reasonIds: [],
          defaultRoomId: null,
          active: true,
          password: 'court',
        },
        /12 caractères/,
      ],
      [
        '/api/admin/users/zoe',
        {
          login: 'luc',
          displayName: 'Zoé',
          roles: ['user'],
          categoryIds: [],
          reasonIds: [],
          defaultRoomId: null,
          active: true,
          password: 'Un-Mot-de-passe-42',
        },
        /déjà utilisé/,
      ],
    ];
    for (const [path, body, message] of cases) {
      const res = await admin.call<ApiErrorBody>('PUT', path, body);
      expect(res.status, path).toBe(400);
      expect(res.body.error.message).toMatch(message);
    }
    expect(seq()).toBe(before);
  });

  it('journals who changed what, with before and after, and pushes the change live', async () => {
    const reception = await demo.login('sophie');
    const socket = await connectWs(demo.server.url, demo.ca, { token: reception.token ?? '' }, ['config']);
    await socket.waitFor((m) => m.type === 'snapshot');
    const res = await admin.call('PUT', '/api/admin/rooms/box-1', { label: 'Box 1 (rénové)' });
    expect(res.status).toBe(200);
    await socket.waitFor((m) => m.type === 'event' && m.payload.kind === 'config.changed');
    socket.close();
    const config = (await reception.call<CentreConfig>('GET', '/api/config')).body;
    expect(config.rooms.find((r) => r.id === 'box-1')?.label).toBe('Box 1 (rénové)');
    const entry = journal().findLast((e) => e.type === 'config.changed');
    expect(entry?.actor).toEqual({ kind: 'user', id: 'admin' });
    expect(entry?.data).toMatchObject({
      subject: 'room:box-1',
      before: { label: 'Box 1' },
      after: { label: 'Box 1 (rénové)' },
    });
  });

  it('a template change makes a new version; a visit in progress keeps its own', async () => {
    const carole = await demo.login('sophie');
    const visits = (await carole.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
    const expected = visits.find((v) => v.state === 'expected' && v.reasonId === 'eps') as VisitDto;
    await carole.call('POST', '/api/visits', { appointmentId: expected.appointmentId });
    const res = await admin.call<JourneyTemplate>('PUT', '/api/admin/templates/eps', { steps: threeSteps });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(expected.templateVersion + 1);
    const after = (await carole.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits.find(
      (v) => v.id === expected.id,
    );
    expect(after?.templateVersion).toBe(expected.templateVersion);
    expect(after?.steps.map((s) => s.key)).toEqual(expected.steps.map((s) => s.key));
  });

  it('creates a professional who can log in; a deactivated account cannot', async () => {
    const body = {
      login: 'zoe',
      displayName: 'Zoé Martin',
      roles: ['user'],
      categoryIds: ['infirmier'],
      reasonIds: [],
      defaultRoomId: 'soins-2',
      active: true,
      password: 'Un-Mot-de-passe-42',
    };
    const created = await admin.call<AdminUser>('PUT', '/api/admin/users/zoe', body);
    expect(created.status).toBe(200);
    expect(created.body).not.toHaveProperty('password');
    const config = (await admin.call<CentreConfig>('GET', '/api/config')).body;
    expect(config.professionals.find((p) => p.id === 'zoe')?.categoryIds).toEqual(['infirmier']);
    const users = (await admin.call<{ users: AdminUser[] }>('GET', '/api/admin/users')).body.users;
    expect(users.find((u) => u.id === 'zoe')?.login).toBe('zoe');
    expect(JSON.stringify(journal().filter((e) => e.type === 'config.changed'))).not.toContain(
      'Un-Mot-de-passe',
    );
    await admin.call('PUT', '/api/admin/users/zoe', { ...body, password: undefined, active: false });
    const login = await admin.call<ApiErrorBody>('POST', '/api/session', {
      login: 'zoe',
      password: body.password,
    });
    expect(login.status).toBe(401);
  });

  it('alert rules drive the supervisor board; an acknowledgement is journaled', async () => {
    const rules = [
      {
        id: 'retard',
        kind: 'expected_late',
        thresholdMinutes: 1,
        reasonId: null,
        categoryId: null,
        active: true,
      },
    ];
    expect((await admin.call('PUT', '/api/admin/alert-rules', { rules })).status).toBe(200);
    const virginie = await demo.login('virginie');
    const board = (await virginie.call<SupervisionDto>('GET', '/api/supervision')).body;
    expect(board.consultants.length).toBeGreaterThan(0);
    expect(board.alerts.length).toBeGreaterThan(0);
    expect(board.alerts.every((a) => a.kind === 'expected_late' && !a.acknowledged)).toBe(true);
    const alert = board.alerts[0] as SupervisionDto['alerts'][number];
    expect(
      (await virginie.call('POST', '/api/supervision/acknowledgements', { key: alert.key })).status,
    ).toBe(200);
    const again = (await virginie.call<SupervisionDto>('GET', '/api/supervision')).body;
    expect(again.alerts.find((a) => a.key === alert.key)?.acknowledged).toBe(true);
    expect(journal().findLast((e) => e.type === 'alert.acknowledged')?.data.key).toBe(alert.key);
    const user = await demo.login('carole');
    expect((await user.call('GET', '/api/supervision')).status).toBe(403);
  });
});
