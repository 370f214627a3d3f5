/**
 * The annex scenario over real HTTPS and WebSocket against a real SQLite file:
 * Joël checks in at the kiosk, goes through the administrative box
 * (Christelle), the doctor (Luc, who adds a note and a dietician step), the
 * nurse (Carole), the lab (Patrick), the dietician (Marie), and leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallDto, CheckinResponse, DeskViewDto, ServerMessage, VisitDto } from '@gfa/shared';
import type { ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { connectWs, type TestSocket } from './support/ws-client.js';

type EventMsg = Extract<ServerMessage, { type: 'event' }>;
const isEvent = (m: ServerMessage): m is EventMsg => m.type === 'event';
const callOf = (m: ServerMessage): CallDto | null =>
  isEvent(m) && m.payload.kind === 'call' ? m.payload.call : null;

describe("Joël's journey (annex)", () => {
  let demo: DemoServer;
  const pros: Record<string, { api: ApiClient; ws: TestSocket }> = {};
  let kiosk: ApiClient;
  let display: TestSocket;
  let sophie: { api: ApiClient; ws: TestSocket };
  let joel = '';

  beforeAll(async () => {
    demo = await startDemoServer();
    kiosk = await demo.device('kiosk');
    display = await demo.connectDisplay();
    const sophieApi = await demo.login('sophie');
    sophie = {
      api: sophieApi,
      ws: await connectWs(demo.server.url, demo.ca, { token: sophieApi.token ?? '' }, [
        'visits',
        'reception',
      ]),
    };
    for (const login of ['christelle', 'luc', 'carole', 'patrick', 'marie']) {
      const api = await demo.login(login);
      pros[login] = {
        api,
        ws: await connectWs(demo.server.url, demo.ca, { token: api.token ?? '' }, ['desk']),
      };
    }
  });

  afterAll(async () => {
    for (const s of [display, sophie.ws, ...Object.values(pros).map((p) => p.ws)]) s.close();
    await demo.close();
  });

  const pro = (login: string) => pros[login] as { api: ApiClient; ws: TestSocket };

  /** The professional goes available, is offered Joël (WS), calls him, and the display shows the call. */
  async function offeredAndCalled(login: string, roomLabel: string): Promise<void> {
    const { api, ws } = pro(login);
    expect((await api.call('POST', '/api/desk/presence', { state: 'available' })).status).toBe(200);
    await ws.waitFor((m) => isEvent(m) && m.payload.kind === 'offer' && m.payload.visitId === joel);
    const clickedAt = Date.now();
    const called = await api.call<{ visit: VisitDto }>('POST', '/api/desk/call-next');
    expect(called.status).toBe(200);
    expect(called.body.visit.id).toBe(joel);
    expect(called.body.visit.state).toBe('called');
    const shown = await display.waitFor(
      (m) => callOf(m)?.visitId === joel && callOf(m)?.roomLabel === roomLabel,
      1_000,
    );
    expect(Date.now() - clickedAt).toBeLessThan(1_000);
    expect(callOf(shown)).toMatchObject({
      civility: 'M.',
      initial: 'J',
      lastName: 'MARTIN',
      roomLabel,
      recall: false,
    });
  }

  async function startAndFinish(login: string, finish: object = { type: 'finish' }): Promise<VisitDto> {
    const { api } = pro(login);
    expect((await api.call('POST', `/api/visits/${joel}/actions`, { type: 'start' })).status).toBe(200);
    const done = await api.call<{ visit: VisitDto }>('POST', `/api/visits/${joel}/actions`, finish);
    expect(done.status).toBe(200);
    return done.body.visit;
  }

  it('checks in at the kiosk and is routed to the administrative box queue', async () => {
    await pro('christelle').api.call('POST', '/api/desk/presence', { state: 'available' });
    const res = await kiosk.call<CheckinResponse>('POST', '/api/checkin', {
      idempotencyKey: 'kiosk-joel-0001',
      by: { kind: 'identity', lastName: 'Martin', birthDate: '1961-04-12' },
    });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toBe('recognised');
    if (res.body.outcome !== 'recognised') return;
    joel = res.body.visitId;
    expect(res.body.instruction.sentence).toContain('dossier');
    expect(JSON.stringify(res.body)).not.toMatch(/MARTIN|1961/);
    const seen = await sophie.ws.waitFor(
      (m) =>
        isEvent(m) &&
        m.payload.kind === 'visit.changed' &&
        m.payload.visit.id === joel &&
        m.payload.visit.state === 'waiting',
    );
    expect(isEvent(seen) && seen.payload.kind === 'visit.changed' && seen.payload.visit.queues).toEqual([
      { kind: 'category', categoryId: 'administratif' },
    ]);
  });

  it('Christelle is offered Joël, calls him to Box 1, and takes care of his file', async () => {
    await pro('christelle').ws.waitFor(
      (m) => isEvent(m) && m.payload.kind === 'offer' && m.payload.visitId === joel,
    );
    const called = await pro('christelle').api.call<{ visit: VisitDto }>('POST', '/api/desk/call-next');
    expect(called.body.visit.id).toBe(joel);
    await display.waitFor((m) => callOf(m)?.visitId === joel && callOf(m)?.roomLabel === 'Box 1', 1_000);
    const visit = await startAndFinish('christelle');
    expect(visit.state).toBe('waiting');
    expect(visit.queues).toEqual(
      expect.arrayContaining([
        { kind: 'category', categoryId: 'medecin' },
        { kind: 'category', categoryId: 'infirmier' },
        { kind: 'category', categoryId: 'preleveur' },
      ]),
    );
  });

  it('Luc (doctor) calls him, writes a note and adds a dietician step', async () => {
    await offeredAndCalled('luc', 'Cabinet 1');
    const note = await pro('luc').api.call('POST', `/api/visits/${joel}/actions`, {
      type: 'note',
      text: 'Voir la diététicienne : régime à adapter.',
    });
    expect(note.status).toBe(200);
    const visit = await startAndFinish('luc', {
      type: 'finish',
      addSteps: [
        {
          label: 'Diététicien',
          target: { kind: 'category', categoryId: 'dieteticien' },
          estimatedMinutes: 20,
        },
      ],
    });
    expect(visit.steps.find((s) => s.added)?.label).toBe('Diététicien');
    expect(visit.queues).toContainEqual({ kind: 'category', categoryId: 'dieteticien' });
  });

  it('Carole (nurse) sees the note, then Patrick (lab) takes his blood sample', async () => {
    await offeredAndCalled('carole', 'Salle de soins 1');
    const list = await pro('carole').api.call<{ visits: VisitDto[] }>('GET', '/api/visits');
    expect(list.body.visits.find((v) => v.id === joel)?.notes.map((n) => n.text)).toEqual([
      'Voir la diététicienne : régime à adapter.',
    ]);
    await startAndFinish('carole');
    await offeredAndCalled('patrick', 'Laboratoire 1');
    const visit = await startAndFinish('patrick');
    expect(visit.state).toBe('waiting');
  });

  it('Marie (dietician) sees him last and his journey ends', async () => {
    await offeredAndCalled('marie', 'Bureau 12');
    const visit = await startAndFinish('marie');
    expect(visit.state).toBe('done');
    expect(visit.steps.filter((s) => s.status === 'done').map((s) => s.professionalId)).toEqual([
      'christelle',
      'luc',
      'carole',
      'patrick',
      'marie',
    ]);
    await sophie.ws.waitFor(
      (m) =>
        isEvent(m) &&
        m.payload.kind === 'visit.changed' &&
        m.payload.visit.id === joel &&
        m.payload.visit.state === 'done',
    );
    const desk = await pro('marie').ws.waitFor(
      (m) => isEvent(m) && m.payload.kind === 'desk.view' && m.payload.view.currentVisitId === null,
    );
    expect(
      isEvent(desk) && desk.payload.kind === 'desk.view' && (desk.payload.view as DeskViewDto).professionalId,
    ).toBe('marie');
  });

  it('the display only ever received civility, initial, last name and room', () => {
    const calls = display.messages.filter(isEvent);
    expect(calls.length).toBeGreaterThanOrEqual(5);
    for (const m of calls) {
      expect(m.topic).toBe('calls');
      expect(Object.keys(callOf(m) ?? {}).sort()).toEqual(
        ['at', 'callId', 'civility', 'initial', 'lastName', 'recall', 'roomLabel', 'visitId'].sort(),
      );
    }
    expect(JSON.stringify(display.messages)).not.toMatch(/Joël|1961|régime/);
  });

  it('every participant saw the events for them, in increasing sequence order', () => {
    for (const socket of [display, sophie.ws, ...Object.values(pros).map((p) => p.ws)]) {
      const seqs = socket.messages.filter(isEvent).map((m) => m.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    }
    const offered = Object.entries(pros).map(([login, p]) =>
      p.ws.messages.some(
        (m) => isEvent(m) && m.payload.kind === 'offer' && m.payload.professionalId === login,
      ),
    );
    expect(offered).toEqual([true, true, true, true, true]);
  });
});
