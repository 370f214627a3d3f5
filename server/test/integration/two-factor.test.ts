/**
 * Login rules on a real server: TOTP second factor (codes computed by
 * Debian's oathtool, an independent RFC 6238 implementation), recovery codes,
 * idle timeout, logout everywhere, and the audit search over all of it.
 */
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  AccountSecurity,
  AuditPage,
  ExportFile,
  LoginResponse,
  SecondFactorResponse,
  TotpSetup,
} from '@gfa/shared';
import { localDay } from '../../src/calendar/local-time.js';
import { DEMO_PASSWORD } from '../../src/demo/seed-demo.js';
import { apiClient, type ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { connectWs } from './support/ws-client.js';

/** The code an authenticator app shows for `secret` at `at` (oathtool, not our library). */
const oathtool = (secret: string, at: number): string =>
  execFileSync('oathtool', ['--totp', '-b', `--now=@${Math.floor(at / 1000)}`, secret], {
    encoding: 'utf8',
  }).trim();

let clock = Date.now();
let demo: DemoServer;
let admin: ApiClient;
const opened: ApiClient[] = [];

beforeAll(async () => {
  demo = await startDemoServer(() => clock);
  admin = await demo.login('admin');
  const saved = await admin.call('PUT', '/api/admin/security', {
    idleMinutes: 60,
    totpRequiredFor: ['administrator', 'supervisor'],
  });
  expect(saved.status).toBe(200);
});
afterAll(async () => {
  await Promise.all(opened.map((c) => c.close()));
  await demo.close();
});

function client(): ApiClient {
  const c = apiClient(demo.server.url, demo.ca);
  opened.push(c);
  return c;
}
const passwordStep = (c: ApiClient, login: string) =>
  c.call<LoginResponse>('POST', '/api/session', { login, password: DEMO_PASSWORD });
const secondFactor = (c: ApiClient, challenge: string, code: string) =>
  c.call<SecondFactorResponse & { error?: { message: string } }>('POST', '/api/session/second-factor', {
    challenge,
    code,
  });

describe('two-factor login', () => {
  let secret = '';
  let recovery: string[] = [];

  it('makes a supervisor set up TOTP at the first login, then gives recovery codes once', async () => {
    const c = client();
    const step = await passwordStep(c, 'virginie');
    expect(step.status).toBe(200);
    expect(step.body).toMatchObject({ next: 'totp-setup' });
    const setup = step.body as TotpSetup & { next: string };
    expect(setup.otpauthUri).toMatch(/^otpauth:\/\/totp\/GFA%20CES:virginie\?/);
    expect(setup.otpauthUri).toContain(`secret=${setup.secret}`);
    expect(setup.qrSvg).toContain('<svg');
    secret = setup.secret;

    const wrong = await secondFactor(
      c,
      setup.challenge,
      '000000' === oathtool(secret, clock) ? '111111' : '000000',
    );
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.message).toBe('Code incorrect ou expiré.');

    const done = await secondFactor(c, setup.challenge, oathtool(secret, clock));
    expect(done.status).toBe(200);
    expect(done.body.principal).toMatchObject({ kind: 'user', login: 'virginie' });
    recovery = done.body.recoveryCodes ?? [];
    expect(recovery).toHaveLength(8);
    expect(new Set(recovery).size).toBe(8);
  });

  it('asks for a code at each login, refuses a replayed one, accepts the next one', async () => {
    const c = client();
    const step = await passwordStep(c, 'virginie');
    expect(step.body).toMatchObject({ next: 'totp' });
    const { challenge } = step.body as { challenge: string };
    // Same 30 s step as the setup code: a replay.
    expect((await secondFactor(c, challenge, oathtool(secret, clock))).status).toBe(401);
    clock += 30_000;
    const ok = await secondFactor(c, challenge, oathtool(secret, clock));
    expect(ok.status).toBe(200);
    expect(ok.body.recoveryCodes).toBeUndefined();
  });

  it('a recovery code opens one login, once', async () => {
    const c = client();
    const code = recovery[0] as string;
    const first = (await passwordStep(c, 'virginie')).body as { challenge: string };
    const ok = await secondFactor(c, first.challenge, code);
    expect(ok.status).toBe(200);
    c.token = ok.body.token;
    const account = await c.call<AccountSecurity>('GET', '/api/account/security');
    expect(account.body).toMatchObject({ totpEnabled: true, totpRequired: true, recoveryCodesLeft: 7 });
    const again = (await passwordStep(c, 'virginie')).body as { challenge: string };
    expect((await secondFactor(c, again.challenge, code)).status).toBe(401);
  });

  it('a challenge dies after five wrong codes', async () => {
    clock += 61_000; // past the per-account throttle of the earlier wrong codes
    const c = client();
    const { challenge } = (await passwordStep(c, 'virginie')).body as { challenge: string };
    for (let i = 0; i < 5; i += 1) expect((await secondFactor(c, challenge, 'ZZZZ-ZZZZ')).status).toBe(401);
    const after = await secondFactor(c, challenge, oathtool(secret, clock));
    expect(after.status).toBe(401);
    expect(after.body.error?.message).toBe(
      'Étape de connexion expirée : saisissez à nouveau votre mot de passe.',
    );
  });

  it('is optional for a user, who can turn it on; an administrator can reset it', async () => {
    const c = client();
    const direct = await passwordStep(c, 'carole');
    expect(direct.body).toHaveProperty('token');
    c.token = (direct.body as { token: string }).token;
    const setup = await c.call<TotpSetup>('POST', '/api/account/totp');
    clock += 30_000;
    const confirmed = await c.call<{ recoveryCodes: string[] }>('PUT', '/api/account/totp', {
      challenge: setup.body.challenge,
      code: oathtool(setup.body.secret, clock),
    });
    expect(confirmed.body.recoveryCodes).toHaveLength(8);
    expect((await passwordStep(client(), 'carole')).body).toMatchObject({ next: 'totp' });

    const users = await admin.call<{ users: { id: string; login: string }[] }>('GET', '/api/admin/users');
    const carole = users.body.users.find((u) => u.login === 'carole') as { id: string };
    expect((await admin.call('POST', `/api/admin/users/${carole.id}/totp-reset`)).status).toBe(200);
    // The reset also ended her sessions (a lost phone may be in someone else's hands).
    expect((await c.call('GET', '/api/session')).status).toBe(401);
    expect((await passwordStep(client(), 'carole')).body).toHaveProperty('token');
  });
});

describe('audit trail search', () => {
  it('finds the security events, reports the chain intact, and exports them', async () => {
    const day = localDay(clock);
    const page = await admin.call<AuditPage>('GET', `/api/admin/audit?from=${day}&to=${day}&q=virginie`);
    expect(page.status).toBe(200);
    expect(page.body.chain).toMatchObject({ ok: true, reason: null });
    const types = page.body.records.map((r) => r.type);
    expect(types).toContain('auth.totp_enabled');
    expect(types).toContain('auth.login_failed');
    expect(page.body.records.find((r) => r.type === 'auth.totp_enabled')?.actorLabel).toBe(
      'Virginie Leroy (virginie)',
    );

    const resets = await admin.call<AuditPage>(
      'GET',
      `/api/admin/audit?from=${day}&to=${day}&type=auth.totp_reset`,
    );
    expect(resets.body.records).toHaveLength(1);
    expect(resets.body.records[0]?.actorLabel).toBe('Administrateur GFA (admin)');

    const csv = await admin.call<ExportFile>(
      'GET',
      `/api/admin/audit/export?from=${day}&to=${day}&q=virginie&format=csv`,
    );
    const text = Buffer.from(csv.body.contentBase64, 'base64').toString('utf8');
    expect(text.split('\r\n')[0]).toContain('Auteur');
    expect(text).toContain('auth.totp_enabled');
    expect(text).not.toContain('auth.totp_reset');
  });
});

// Last: the idle test moves the clock past every other session's timeout.
describe('sessions', () => {
  it('logout everywhere ends every session of the user and closes their WebSockets', async () => {
    const desk1 = await demo.login('luc');
    const desk2 = await demo.login('luc');
    const ws = await connectWs(
      demo.server.url,
      demo.ca,
      { token: desk2.token as string, client: 'workstation' },
      ['visits'],
    );
    await ws.waitFor((m) => m.type === 'subscribed');
    expect((await desk1.call('DELETE', '/api/sessions')).status).toBe(200);
    expect((await desk2.call('GET', '/api/session')).status).toBe(401);
    expect((await desk1.call('GET', '/api/session')).status).toBe(401);
    expect((await ws.closed).code).toBe(4001);
  });

  it('ends a staff session after the idle timeout, not while it is used', async () => {
    const c = await demo.login('patrick');
    clock += 50 * 60_000;
    expect((await c.call('GET', '/api/session')).status).toBe(200);
    clock += 50 * 60_000;
    expect((await c.call('GET', '/api/session')).status).toBe(200);
    clock += 61 * 60_000;
    const expired = await c.call<{ error: { message: string } }>('GET', '/api/session');
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe('Connexion requise.');
  });
});
