/**
 * SIGKILL right after an acknowledged action, then restart on the same data
 * directory: nothing acknowledged is lost, and reconnecting clients converge.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { CheckinResponse, ServerMessage, SessionDto, VisitDto } from '@gfa/shared';
import { LiveSocket, type SocketLike } from '@gfa/shared/client';
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

  it('≥ 50 SIGKILLs mid-burst: no acknowledged action lost, each resumed client equals a fresh one', async () => {
    // GFA_KILLS lowers the count for a quick local check; the acceptance run uses the default.
    const KILLS = Number(process.env.GFA_KILLS ?? 50);
    const dataDir = mkdtempSync(join(tmpdir(), 'gfa-kills-'));
    let server = await startServerProcess(dataDir, ['--demo']);
    stopAll.push(() => server.stop('SIGKILL'));
    // Sessions live in the database: the same tokens work after every restart.
    const tokens = {
      kiosk: (await login(server, { deviceToken: 'demo-borne-accueil-0001' })).token,
      desk: (await login(server, { login: 'christelle', password: 'demo' })).token,
      supervisor: (await login(server, { login: 'virginie', password: 'demo' })).token,
    };
    // The screens' own live socket, on visits and board (whose messages share seqs with visits).
    const resumed = new Map<string, VisitDto>();
    let url = server.url;
    const live = new LiveSocket({
      url: 'wss://placeholder/ws',
      token: () => tokens.supervisor,
      client: 'workstation',
      topics: ['visits', 'board'],
      connect: () => {
        const ws = new WebSocket(`${url.replace('https', 'wss')}/ws`, { ca: server.ca });
        ws.on('error', () => undefined); // refused while the server restarts: 'close' follows
        return ws as unknown as SocketLike;
      },
      // Retry quickly: the test checks what a resumed client holds, not the back-off.
      schedule: (fn) => setTimeout(fn, 100),
      onMessage: (m) => {
        if (m.type === 'snapshot' && m.data.topic === 'visits') {
          resumed.clear();
          for (const v of m.data.visits) resumed.set(v.id, v);
        }
        if (m.type === 'event' && m.payload.kind === 'visit.changed')
          resumed.set(m.payload.visit.id, m.payload.visit);
      },
    });
    live.start();
    while (resumed.size === 0) await new Promise((r) => setTimeout(r, 50));

    const acknowledged = new Set<string>();
    let appointment = 0;
    const started = Date.now();
    for (let kill = 0; kill < KILLS; kill += 1) {
      const kiosk = apiClient(server.url, server.ca, tokens.kiosk);
      const desk = apiClient(server.url, server.ca, tokens.desk);
      let answered = (): void => undefined;
      const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
      // Settled at once (the kill resets connections): an answer received is an acknowledged action.
      const act = <T>(call: Promise<T>): Promise<T | null> =>
        call.then(
          (r) => (answered(), r),
          () => (answered(), null),
        );
      const burst: Promise<unknown>[] = [];
      for (let i = 0; i < 2 && appointment < 80; i += 1) {
        const reference = `RDV-${String(++appointment).padStart(4, '0')}`;
        const checkin = act(
          kiosk.call<CheckinResponse>('POST', '/api/checkin', {
            idempotencyKey: `kills-${reference}`,
            by: { kind: 'reference', reference },
          }),
        );
        burst.push(checkin.then((r) => r?.body.outcome === 'recognised' && acknowledged.add(r.body.visitId)));
      }
      burst.push(act(desk.call('POST', '/api/desk/presence', { state: 'available' })));
      burst.push(act(desk.call('POST', '/api/desk/call-next')));
      burst.push(act(desk.call('POST', '/api/desk/presence', { state: kill % 2 ? 'paused' : 'available' })));
      // Killed while the burst is in flight: just after a first answer, others still running.
      await firstAnswer;
      await new Promise((r) => setTimeout(r, (kill * 7) % 25));
      await server.stop('SIGKILL');
      await Promise.all(burst);
      await Promise.all([kiosk.close(), desk.close()]);

      server = await startServerProcess(dataDir);
      url = server.url;
      const healthy = Date.now();
      const fresh = apiClient(server.url, server.ca, tokens.supervisor);
      const truth = await fresh.call<{ visits: VisitDto[] }>('GET', '/api/visits');
      await fresh.close();
      expect(truth.status).toBe(200);
      const ids = new Set(truth.body.visits.map((v) => v.id));
      for (const id of acknowledged) expect(ids.has(id), `acknowledged check-in ${id} lost`).toBe(true);
      const sorted = (vs: Iterable<VisitDto>) => [...vs].sort((a, b) => a.id.localeCompare(b.id));
      while (JSON.stringify(sorted(resumed.values())) !== JSON.stringify(sorted(truth.body.visits))) {
        if (Date.now() - healthy > 3_000) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(sorted(resumed.values()), `after kill ${kill + 1}`).toEqual(sorted(truth.body.visits));
    }
    console.info(`${KILLS} kills, ${acknowledged.size} acknowledged check-ins, ${Date.now() - started} ms`);
    live.stop();
  }, 600_000);
});
