/**
 * SIGKILL right after an acknowledged action, then restart on the same data
 * directory: nothing acknowledged is lost, and reconnecting clients converge.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CheckinResponse, ServerMessage, SessionDto, VisitDto } from '@gfa/shared';
import { apiClient, type ApiClient } from './support/https-client.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';
import { connectWs } from './support/ws-client.js';

const stopAll: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const stop of stopAll) await stop();
});

async function login(server: ServerProcess, body: object): Promise<ApiClient> {
  const client = apiClient(server.url, server.ca);
  stopAll.push(() => client.close());
  const res = await client.call<SessionDto>('POST', '/api/session', body);
  expect(res.status).toBe(200);
  client.token = res.body.token;
  return client;
}

describe('crash recovery', () => {
  it('keeps every acknowledged action across SIGKILL, and clients converge after reconnecting', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gfa-kill-'));
    const first = await startServerProcess(dataDir, ['--demo']);
    stopAll.push(() => first.stop('SIGKILL'));
    const kiosk = await login(first, { deviceToken: 'demo-borne-accueil-0001' });
    const christelle = await login(first, { login: 'christelle', password: 'demo' });
    const watcher = await connectWs(first.url, first.ca, { token: christelle.token ?? '' }, ['visits']);

    const checkin = await kiosk.call<CheckinResponse>('POST', '/api/checkin', {
      idempotencyKey: 'kill-test-0001',
      by: { kind: 'reference', reference: 'RDV-0001' },
    });
    expect(checkin.body.outcome).toBe('recognised');
    const visitId = checkin.body.outcome === 'recognised' ? checkin.body.visitId : '';
    await christelle.call('POST', '/api/desk/presence', { state: 'available' });
    const called = await christelle.call<{ visit: VisitDto }>('POST', '/api/desk/call-next');
    expect(called.status).toBe(200);
    const started = await christelle.call<{ visit: VisitDto }>('POST', `/api/visits/${visitId}/actions`, {
      type: 'start',
    });
    expect(started.status).toBe(200);
    // Killed immediately after the acknowledgement: no graceful shutdown.
    await first.stop('SIGKILL');
    const seenBefore = watcher.lastSeq();
    expect(seenBefore).toBeGreaterThan(0);

    const second = await startServerProcess(dataDir);
    stopAll.push(() => second.stop('SIGKILL'));
    const again = await login(second, { login: 'christelle', password: 'demo' });
    const visits = await again.call<{ visits: VisitDto[] }>('GET', '/api/visits');
    const visit = visits.body.visits.find((v) => v.id === visitId);
    expect(visit?.state).toBe('in_care');
    expect(visit?.steps[0]).toMatchObject({ status: 'in_care', professionalId: 'christelle' });
    expect(visits.body.visits).toEqual(
      started.body.visit ? expect.arrayContaining([started.body.visit]) : [],
    );

    // The same idempotency key after the restart: still one check-in.
    const kiosk2 = await login(second, { deviceToken: 'demo-borne-accueil-0001' });
    const replay = await kiosk2.call<CheckinResponse>('POST', '/api/checkin', {
      idempotencyKey: 'kill-test-0001',
      by: { kind: 'reference', reference: 'RDV-0001' },
    });
    expect(replay.body).toEqual(checkin.body);

    // A client that saw everything resumes with nothing missed; a new one gets a snapshot: both converge.
    const resumed = await connectWs(
      second.url,
      second.ca,
      { token: again.token ?? '', lastSeq: seenBefore },
      ['visits'],
    );
    const fresh = await connectWs(second.url, second.ca, { token: again.token ?? '' }, ['visits']);
    const snapshot = (await fresh.waitFor((m) => m.type === 'snapshot')) as Extract<
      ServerMessage,
      { type: 'snapshot' }
    >;
    expect(snapshot.data.topic === 'visits' && snapshot.data.visits).toEqual(visits.body.visits);
    const finished = await again.call<{ visit: VisitDto }>('POST', `/api/visits/${visitId}/actions`, {
      type: 'finish',
    });
    expect(finished.status).toBe(200);
    for (const socket of [resumed, fresh]) {
      const event = await socket.waitFor(
        (m) => m.type === 'event' && m.payload.kind === 'visit.changed' && m.payload.visit.id === visitId,
      );
      expect(event.type === 'event' && event.payload.kind === 'visit.changed' && event.payload.visit).toEqual(
        finished.body.visit,
      );
      socket.close();
    }
    watcher.close();
  });
});
