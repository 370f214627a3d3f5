/**
 * Every configuration write, over the real server: exactly one journal entry
 * (`config.changed`, who, before, after) and exactly one live publication
 * (WS `config`, same seq). The write routes are enumerated from the shared
 * route table: a new one must be listed here as a configuration write (and
 * is then exercised) or as another kind of write, with the reason.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  routePath,
  routes,
  type AdminUser,
  type CatalogueOffer,
  type CentreConfig,
  type DisplaySettings,
  type ImportProfile,
  type JobsDto,
  type RouteId,
  type SecuritySettings,
  type ServerMessage,
  type SessionDto,
} from '@gfa/shared';
import { createUser } from '../../src/db/staff-store.js';
import { hashPassword } from '../../src/security/secrets.js';
import { readSetting, writeSetting } from '../../src/db/settings-store.js';
import { startServer, type RunningServer } from '../../src/web/server.js';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.js';
import { apiClient, type ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { readJournal } from './support/journal.js';
import { connectWs, type TestSocket } from './support/ws-client.js';

/** How to call a configuration write with a valid change, from what the server shows now. */
interface Sample {
  /** Runs on a centre without catalogue (the catalogue applies to a fresh install only). */
  readonly fresh?: true;
  readonly request: (read: <T>(id: RouteId) => Promise<T>) => Promise<{
    readonly params?: Record<string, string>;
    readonly body: unknown;
  }>;
}

const config = (read: <T>(id: RouteId) => Promise<T>) => read<CentreConfig>('config');
const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;
const withoutSite = <T extends { siteId: string }>({ siteId: _siteId, ...rest }: T) => rest;
const first = <T>(items: readonly T[]): T => {
  const item = items[0];
  if (item === undefined) throw new Error('the demo centre has none');
  return item;
};

const CONFIGURATION_WRITES = {
  saveUser: {
    request: async (read) => {
      const user = first(
        (await read<{ users: AdminUser[] }>('adminUsers')).users.filter((u) => u.login !== 'admin'),
      );
      return {
        params: { id: user.id },
        body: { ...withoutId(user), displayName: `${user.displayName} (bis)` },
      };
    },
  },
  saveCategory: {
    request: async (read) => {
      const category = first((await config(read)).categories);
      return {
        params: { id: category.id },
        body: { ...withoutId(category), label: `${category.label} bis` },
      };
    },
  },
  saveRoom: {
    request: async (read) => {
      const room = first((await config(read)).rooms);
      return {
        params: { id: room.id },
        body: { ...withoutSite(withoutId(room)), label: `${room.label} bis` },
      };
    },
  },
  saveReason: {
    request: async (read) => {
      const reason = first((await config(read)).reasons);
      return { params: { id: reason.id }, body: { ...withoutId(reason), label: `${reason.label} bis` } };
    },
  },
  saveTemplate: {
    request: async (read) => {
      const template = first((await config(read)).templates);
      return { params: { id: template.reasonId }, body: { steps: template.steps } };
    },
  },
  savePolicy: {
    request: async (read) => {
      const { policy } = await config(read);
      return { body: { ...policy, maxWaitMinutes: policy.maxWaitMinutes + 5 } };
    },
  },
  saveAlertRules: { request: async (read) => ({ body: { rules: (await config(read)).alertRules } }) },
  saveOpeningHours: { request: async (read) => ({ body: (await config(read)).openingHours }) },
  saveDisplaySettings: {
    request: async (read) => {
      const settings = await read<DisplaySettings>('displaySettings');
      return { body: { ...settings, speech: !settings.speech } };
    },
  },
  saveImportProfile: {
    request: async (read) => {
      const profile = first((await read<{ profiles: ImportProfile[] }>('importProfiles')).profiles);
      return { body: { ...profile, name: 'agenda-du-centre' } };
    },
  },
  saveImportValues: {
    request: async (read) => {
      const { id } = first((await config(read)).reasons);
      return { body: { profile: 'standard', values: { reasons: { 'BILAN 1': id }, professionals: {} } } };
    },
  },
  saveDataSettings: { request: async (read) => ({ body: (await read<JobsDto>('jobs')).settings }) },
  saveBackupPassphrase: {
    request: async () => ({ body: { passphrase: 'une phrase de passe assez longue' } }),
  },
  saveKioskExitCode: { request: async () => ({ body: { code: '246810' } }) },
  saveSecuritySettings: {
    request: async (read) => {
      const settings = await read<SecuritySettings>('securitySettings');
      return { body: { ...settings, idleMinutes: settings.idleMinutes + 1 } };
    },
  },
  applyCatalogue: {
    fresh: true,
    request: async (read) => ({ body: (await read<CatalogueOffer>('catalogueOffer')).catalogue }),
  },
} satisfies Partial<Record<RouteId, Sample>>;

/** The other writes, and why they are not configuration changes (each journals its own entry type). */
const OTHER_WRITES = {
  login: 'opens a session',
  secondFactor: 'opens a session',
  logout: 'ends a session',
  logoutEverywhere: 'ends sessions',
  startTotpSetup: 'the caller’s own second factor',
  confirmTotpSetup: 'the caller’s own second factor',
  resetUserTotp: 'account security, journaled as auth.totp_reset',
  requestEnrolment: 'device lifecycle, journaled as device.*',
  approveEnrolment: 'device lifecycle, journaled as device.*',
  refuseEnrolment: 'device lifecycle, journaled as device.*',
  revokeDevice: 'device lifecycle, journaled as device.*',
  kioskExit: 'a kiosk leaving its full screen, journaled as kiosk.exit',
  checkin: 'the day’s queue',
  registerVisit: 'the day’s queue',
  visitAction: 'the day’s queue',
  callNext: 'the day’s queue',
  groupAction: 'the day’s group sessions',
  satisfaction: 'a visitor’s satisfaction answer at the kiosk',
  presence: 'the day’s queue',
  acknowledgeAlert: 'supervision, journaled as alert.acknowledged',
  importAppointments: 'appointments, journaled as import.*',
  pushAppointments: 'appointments, journaled as import.*',
  createIntegration: 'an API key, journaled as integration.*',
  revokeIntegration: 'an API key, journaled as integration.*',
  runJob: 'a scheduled job run now, journaled as job.*',
} satisfies Partial<Record<RouteId, string>>;

type Centre = { readonly server: RunningServer; readonly dataDir: string; readonly ca: string };

/** A centre as a fresh install leaves it: one administrator, no catalogue yet. */
async function startFreshCentre(): Promise<Centre & { readonly admin: ApiClient; close(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gfa-fresh-'));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const server = await startServer({
    dataDir,
    host: '127.0.0.1',
    port: 0,
    seed: async (db, at) => {
      createUser(db, {
        id: 'first-admin',
        login: 'admin',
        displayName: 'Première administratrice',
        passwordHash,
        roles: ['administrator'],
        categoryIds: [],
        reasonIds: [],
        defaultRoomId: null,
        createdAt: at,
      });
      writeSetting(db, 'securitySettings', { ...readSetting(db, 'securitySettings'), totpRequiredFor: [] });
    },
  });
  const ca = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
  const admin = apiClient(server.url, ca);
  const session = await admin.call<SessionDto>('POST', '/api/session', {
    login: 'admin',
    password: DEMO_PASSWORD,
  });
  admin.token = session.body.token;
  return { server, dataDir, ca, admin, close: async () => (await admin.close(), await server.close()) };
}

const configEvents = (socket: TestSocket): Extract<ServerMessage, { type: 'event' }>[] =>
  socket.messages.filter(
    (m): m is Extract<ServerMessage, { type: 'event' }> =>
      m.type === 'event' && m.topic === 'config' && m.payload.kind === 'config.changed',
  );

let demo: DemoServer;
let fresh: Awaited<ReturnType<typeof startFreshCentre>>;
const sockets: TestSocket[] = [];

beforeAll(async () => {
  demo = await startDemoServer();
  fresh = await startFreshCentre();
});
afterAll(async () => {
  sockets.forEach((s) => s.close());
  await demo.close();
  await fresh.close();
});

describe('configuration writes', () => {
  it('every write route of the table is classified: configuration, or another kind of write', () => {
    const writes = Object.entries(routes)
      .filter(([, spec]) => spec.method !== 'GET')
      .map(([id]) => id)
      .sort();
    const classified = [...Object.keys(CONFIGURATION_WRITES), ...Object.keys(OTHER_WRITES)].sort();
    expect(classified).toEqual(writes);
  });

  const ids = Object.keys(CONFIGURATION_WRITES) as (keyof typeof CONFIGURATION_WRITES)[];
  it.each(ids)('%s: one journal entry with before/after, one live publication', async (id) => {
    const sample: Sample = CONFIGURATION_WRITES[id];
    const centre: Centre = sample.fresh ? fresh : demo;
    const admin = sample.fresh ? fresh.admin : await demo.login('admin');
    const socket = await connectWs(centre.server.url, centre.ca, { token: admin.token ?? '' }, ['config']);
    sockets.push(socket);
    const read = async <T>(route: RouteId): Promise<T> => {
      const res = await admin.call<T>('GET', routePath(route));
      expect(res.status, `GET ${route}`).toBe(200);
      return res.body;
    };
    const { params, body } = await sample.request(read);
    const before = readJournal(centre.dataDir).length;

    const res = await admin.call(routes[id].method, routePath(id, params), body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);

    const added = readJournal(centre.dataDir).slice(before);
    expect(added.map((e) => e.type)).toEqual(['config.changed']);
    const [entry] = added as [(typeof added)[number]];
    expect(entry.actor).toEqual({ kind: 'user', id: expect.any(String) });
    expect(Object.keys(entry.data)).toEqual(expect.arrayContaining(['subject', 'before', 'after']));
    await socket.waitFor((m) => m.type === 'event' && m.topic === 'config' && m.seq === entry.seq);
    // One publication: nothing else came on `config`, not even later.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(configEvents(socket).map((m) => m.seq)).toEqual([entry.seq]);
  });
});
