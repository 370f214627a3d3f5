/**
 * A morning's mistakes over real HTTPS, WebSocket and SQLite: a late
 * « Non venu » who checks in at the kiosk, a visitor whose journey is over
 * coming back to the kiosk, the undo at reception, a walk-in posted twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinResponse, ServerMessage, VisitDto } from '@gfa/shared';
import type { ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { readJournal } from './support/journal.js';
import { connectWs, type TestSocket } from './support/ws-client.js';

describe('a morning with mistakes (server)', () => {
  let demo: DemoServer;
  let kiosk: ApiClient;
  let sophie: ApiClient;
  let sophieWs: TestSocket;
  let joel: VisitDto;
  let key = 0;

  beforeAll(async () => {
    demo = await startDemoServer();
    kiosk = await demo.device('kiosk');
    sophie = await demo.login('sophie');
    sophieWs = await connectWs(demo.server.url, demo.ca, { token: sophie.token ?? '' }, ['reception']);
    const visits = (await sophie.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
    joel = visits.find(
      (v) => v.identity.lastName === 'MARTIN' && v.identity.firstName === 'Joël',
    ) as VisitDto;
  });

  afterAll(async () => {
    sophieWs?.close();
    await demo?.close();
  });

  const checkInJoel = () =>
    kiosk.call<CheckinResponse>('POST', '/api/checkin', {
      idempotencyKey: `morning-${++key}-key`,
      by: { kind: 'identity', lastName: 'martin', birthDate: '1961-04-12' },
    });
  const act = (body: object) =>
    sophie.call<{ visit: VisitDto }>('POST', `/api/visits/${joel.id}/actions`, body);

  it('Q-ARRIVE-5: marked « Non venu », Joël checks in late at the kiosk and is routed', async () => {
    expect((await act({ type: 'no_show' })).body.visit.state).toBe('no_show');
    const answer = await checkInJoel();
    expect(answer.body.outcome).toBe('recognised');
    const visits = (await sophie.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
    expect(visits.find((v) => v.id === joel.id)?.state).toBe('waiting');
    const checkedIn = readJournal(demo.dataDir).find(
      (e) => e.type === 'visit.checked_in' && e.visitId === joel.id,
    );
    expect(checkedIn?.data).toEqual({ via: 'device', afterNoShow: true });
  });

  it('Q-ARRIVE-5: once gone, the kiosk sends him to reception and reception is alerted', async () => {
    expect((await act({ type: 'leave' })).body.visit.state).toBe('left');
    const alerted = sophieWs.waitFor(
      (m: ServerMessage) => m.type === 'event' && m.payload.kind === 'reception.alert',
    );
    const answer = await checkInJoel();
    expect(answer.body).toMatchObject({
      outcome: 'reception',
      instruction: { headline: "Merci de vous présenter à l'accueil" },
    });
    await alerted;
    expect(readJournal(demo.dataDir).some((e) => e.type === 'checkin.journey_over')).toBe(true);
  });

  it('Q-ACT-12: reception undoes the departure; a second undo is refused in French', async () => {
    expect((await act({ type: 'reopen' })).body.visit.state).toBe('waiting');
    const again = await act({ type: 'reopen' });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).toContain('Action impossible : le consultant est en attente.');
    expect(readJournal(demo.dataDir).filter((e) => e.type === 'visit.reopened')).toHaveLength(1);
  });

  it('Q-ARRIVE-7 / Q-ARRIVE-6: a walk-in posted twice makes one visit; impossible birth dates are refused', async () => {
    const body = {
      identity: { civility: 'M.', firstName: 'Paul', lastName: 'DURAND', birthDate: '1958-09-30' },
      reasonId: joel.reasonId,
    };
    const count = async () =>
      (await sophie.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits.filter(
        (v) => v.identity.lastName === 'DURAND' && v.identity.firstName === 'Paul',
      ).length;
    expect((await sophie.call('POST', '/api/visits', body)).status).toBe(200);
    const twin = await sophie.call('POST', '/api/visits', body);
    expect(twin.status).toBe(409);
    expect(JSON.stringify(twin.body)).toContain('déjà dans le centre');
    expect(await count()).toBe(1);
    const future = await sophie.call('POST', '/api/visits', {
      ...body,
      identity: { ...body.identity, firstName: 'Léo', birthDate: '2030-01-01' },
    });
    expect(future.status).toBe(400);
    expect(JSON.stringify(future.body)).toContain('ne peut pas être dans le futur');
    // Joël is in the building: registering him as a walk-in is refused too.
    const joelTwin = await sophie.call('POST', '/api/visits', {
      identity: joel.identity,
      reasonId: joel.reasonId,
    });
    expect(joelTwin.status).toBe(409);
  });
});
