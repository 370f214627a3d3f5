/**
 * Device enrolment end to end on a real server: a shell asks, shows a code,
 * the administrator types it, the shell collects a token once, works with
 * its kind's rights only, and is cut off at once when revoked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminDevice, DevicesDto, EnrolmentStatus, EnrolmentTicket, SessionDto } from '@gfa/shared';
import { readJournal } from './support/journal.js';
import { apiClient, type ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { connectWs } from './support/ws-client.js';

let demo: DemoServer;
let admin: ApiClient;
let shell: ApiClient;

beforeAll(async () => {
  demo = await startDemoServer();
  admin = await demo.login('admin');
  shell = apiClient(demo.server.url, demo.ca);
});
afterAll(async () => {
  await shell.close();
  await demo.close();
});

async function enrol(kind: 'kiosk' | 'display' | 'workstation', name: string): Promise<string> {
  const asked = await shell.call<EnrolmentTicket>('POST', '/api/enrolments', {
    kind,
    hostname: `PC-${name}`,
  });
  expect(asked.status).toBe(201);
  const approved = await admin.call<AdminDevice>('POST', '/api/admin/enrolments/approve', {
    code: asked.body.code,
    name,
    kind,
  });
  expect(approved.status).toBe(200);
  const collected = await shell.call<EnrolmentStatus>('GET', `/api/enrolments/${asked.body.requestId}`);
  if (collected.body.status !== 'approved') throw new Error('not approved');
  return collected.body.deviceToken;
}

describe('device enrolment', () => {
  it('shows a 6-digit code, stays pending until approved, hands the token over exactly once', async () => {
    const asked = await shell.call<EnrolmentTicket>('POST', '/api/enrolments', {
      kind: 'display',
      hostname: 'TV-SALLE-2',
    });
    expect(asked.status).toBe(201);
    expect(asked.body.code).toMatch(/^\d{6}$/);
    const poll = () => shell.call<EnrolmentStatus>('GET', `/api/enrolments/${asked.body.requestId}`);
    expect((await poll()).body).toEqual({ status: 'pending' });

    // The administrator sees the request (computer name, address) but not its code.
    const listed = await admin.call<DevicesDto>('GET', '/api/admin/devices');
    const pending = listed.body.pending.find((p) => p.hostname === 'TV-SALLE-2');
    expect(pending?.kind).toBe('display');
    expect(JSON.stringify(listed.body)).not.toContain(asked.body.code);

    const wrong = await admin.call<{ error: { message: string } }>('POST', '/api/admin/enrolments/approve', {
      code: asked.body.code === '000000' ? '111111' : '000000',
      name: 'Écran salle 2',
      kind: 'display',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toBe('Aucune demande d’appairage en attente avec ce code.');

    const approved = await admin.call<AdminDevice>('POST', '/api/admin/enrolments/approve', {
      code: asked.body.code,
      name: 'Écran salle 2',
      kind: 'display',
    });
    expect(approved.body).toMatchObject({
      name: 'Écran salle 2',
      kind: 'display',
      active: true,
      hostname: 'TV-SALLE-2',
    });

    const collected = await poll();
    expect(collected.body).toMatchObject({ status: 'approved', name: 'Écran salle 2', kind: 'display' });
    expect((await poll()).status).toBe(404);

    const token = (collected.body as { deviceToken: string }).deviceToken;
    const session = await shell.call<SessionDto>('POST', '/api/session', { deviceToken: token });
    expect(session.body.principal).toMatchObject({
      kind: 'device',
      deviceKind: 'display',
      name: 'Écran salle 2',
    });

    const journal = readJournal(demo.dataDir).map((e) => e.type);
    expect(journal).toContain('device.enrolment_requested');
    expect(journal).toContain('device.approved');
  });

  it('a refused request gets a refusal, not a token', async () => {
    const asked = await shell.call<EnrolmentTicket>('POST', '/api/enrolments', {
      kind: 'kiosk',
      hostname: 'INCONNU',
    });
    const listed = await admin.call<DevicesDto>('GET', '/api/admin/devices');
    const id = listed.body.pending.find((p) => p.hostname === 'INCONNU')?.id as string;
    expect((await admin.call('POST', `/api/admin/enrolments/${id}/refuse`)).status).toBe(200);
    expect((await shell.call('GET', `/api/enrolments/${asked.body.requestId}`)).body).toEqual({
      status: 'refused',
    });
    expect((await admin.call('POST', `/api/admin/enrolments/${id}/refuse`)).status).toBe(409);
  });

  it('gives each kind its rights only; a workstation token opens nothing but the login screen', async () => {
    const kiosk = apiClient(demo.server.url, demo.ca, null);
    const workstation = apiClient(demo.server.url, demo.ca, null);
    try {
      kiosk.token = (
        await kiosk.call<SessionDto>('POST', '/api/session', { deviceToken: await enrol('kiosk', 'Borne 2') })
      ).body.token;
      expect((await kiosk.call('GET', '/api/visits')).status).toBe(403);
      expect((await kiosk.call('GET', '/api/config')).status).toBe(200);

      workstation.token = (
        await workstation.call<SessionDto>('POST', '/api/session', {
          deviceToken: await enrol('workstation', 'Poste box 3'),
        })
      ).body.token;
      expect((await workstation.call('GET', '/api/config')).status).toBe(403);
      expect((await workstation.call('GET', '/api/visits')).status).toBe(403);
      expect((await workstation.call('GET', '/workstation/')).status).toBe(200);
    } finally {
      await kiosk.close();
      await workstation.close();
    }
  });

  it('revoking cuts the device off at once, including its open WebSocket', async () => {
    const deviceToken = await enrol('display', 'Écran hall');
    const display = apiClient(demo.server.url, demo.ca, null);
    try {
      const session = await display.call<SessionDto>('POST', '/api/session', { deviceToken });
      display.token = session.body.token;
      const ws = await connectWs(demo.server.url, demo.ca, { token: session.body.token, client: 'display' }, [
        'calls',
      ]);
      await ws.waitFor((m) => m.type === 'subscribed');

      const id = (session.body.principal as { id: string }).id;
      const revoked = await admin.call<AdminDevice>('POST', `/api/admin/devices/${id}/revoke`);
      expect(revoked.body).toMatchObject({ active: false });
      expect(revoked.body.revokedAt).not.toBeNull();
      expect((await ws.closed).code).toBe(4001);
      expect((await display.call('GET', '/api/config')).status).toBe(401);
      expect((await display.call('POST', '/api/session', { deviceToken })).status).toBe(401);
      expect(
        readJournal(demo.dataDir).some((e) => e.type === 'device.revoked' && e.data.deviceId === id),
      ).toBe(true);
    } finally {
      await display.close();
    }
  });
  it('checks a kiosk exit code set by the administrator, locks after five wrong ones, journals exits', async () => {
    const kiosk = await demo.device('kiosk');
    const exit = async (code: string) =>
      (await kiosk.call<{ verdict: string }>('POST', '/api/kiosk/exit', { code })).body.verdict;
    // No code set yet: nobody leaves the kiosk from its screen.
    expect(await exit('1234')).toBe('wrong-code');
    expect((await admin.call('GET', '/api/admin/kiosk-exit-code')).body).toEqual({
      set: false,
      changedAt: null,
    });
    const weak = await admin.call('PUT', '/api/admin/kiosk-exit-code', { code: '12' });
    expect(weak.status).toBe(400);
    const saved = await admin.call<{ set: boolean }>('PUT', '/api/admin/kiosk-exit-code', { code: '482915' });
    expect(saved.body.set).toBe(true);
    expect(await exit('482915')).toBe('exit');
    const verdicts: string[] = [];
    for (let i = 0; i < 5; i += 1) verdicts.push(await exit('000000'));
    expect(verdicts).toEqual(['wrong-code', 'wrong-code', 'wrong-code', 'wrong-code', 'locked']);
    expect(await exit('482915')).toBe('locked');
    const display = await demo.device('display');
    expect((await display.call('POST', '/api/kiosk/exit', { code: '482915' })).status).toBe(403);
    const journal = readJournal(demo.dataDir);
    expect(journal.filter((e) => e.type === 'kiosk.exit')).toHaveLength(1);
    expect(JSON.stringify(journal)).not.toContain('482915');
  });

  // Last: it fills this address's quota of pending requests.
  it('limits the pending requests one address can make', async () => {
    const answers: number[] = [];
    for (let i = 0; i < 4; i += 1)
      answers.push(
        (await shell.call('POST', '/api/enrolments', { kind: 'kiosk', hostname: `FLOOD-${i}` })).status,
      );
    expect(answers).toContain(429);
  });
});
