/**
 * An ETP collective session over real HTTPS and WebSocket against a real SQLite file: Carole (nurse)
 * and Marie (dietician) run it for six participants, one of whom arrives after the call; the TV
 * gets ONE call for the room and never a name; the journal has one entry per participant.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallDto, DeskViewDto, GroupQueueDto, ServerMessage, VisitDto } from '@gfa/shared';
import type { ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { connectWs, type TestSocket } from './support/ws-client.js';
import { readJournal } from './support/journal.js';

type EventMsg = Extract<ServerMessage, { type: 'event' }>;
const isEvent = (m: ServerMessage): m is EventMsg => m.type === 'event';
const callOf = (m: ServerMessage): CallDto | null =>
  isEvent(m) && m.payload.kind === 'call' ? m.payload.call : null;

const PEOPLE = [
  ['Mme', 'Nathalie', 'DUBOIS'],
  ['M.', 'Alain', 'SIMON'],
  ['Mme', 'Sylvie', 'GARCIA'],
  ['M.', 'Éric', 'FOURNIER'],
  ['Mme', 'Céline', 'BONNET'],
  ['M.', 'Jean', 'LEGRAND'],
  ['Mme', 'Aurélie', 'ROUSSEL'],
] as const;

describe('ETP collective session (Q-GROUP-*)', () => {
  let demo: DemoServer;
  let carole: ApiClient;
  let marie: ApiClient;
  let sophie: ApiClient;
  let display: TestSocket;
  let caroleWs: TestSocket;
  const ids: string[] = [];

  beforeAll(async () => {
    demo = await startDemoServer();
    [carole, marie, sophie] = await Promise.all([
      demo.login('carole'),
      demo.login('marie'),
      demo.login('sophie'),
    ]);
    display = await demo.connectDisplay();
    caroleWs = await connectWs(demo.server.url, demo.ca, { token: carole.token ?? '' }, ['desk']);
    for (const api of [carole, marie]) {
      expect((await api.call('POST', '/api/desk/presence', { state: 'available' })).status).toBe(200);
    }
  });

  afterAll(async () => {
    display.close();
    caroleWs.close();
    await demo.close();
  });

  async function walkIn(n: number): Promise<VisitDto> {
    const [civility, firstName, lastName] = PEOPLE[n] as (typeof PEOPLE)[number];
    const res = await sophie.call<{ visit: VisitDto }>('POST', '/api/visits', {
      identity: { civility, firstName, lastName, birthDate: `196${n}-03-0${n + 1}` },
      reasonId: 'etp-collectif',
    });
    expect(res.status).toBe(200);
    ids.push(res.body.visit.id);
    return res.body.visit;
  }

  const group = (api: ApiClient, action: object) =>
    api.call<DeskViewDto>('POST', '/api/group-sessions/actions', action);
  const etp = (view: DeskViewDto): GroupQueueDto => {
    const queue = view.groups?.find((g) => g.queue.kind === 'reason' && g.queue.reasonId === 'etp-collectif');
    if (!queue) throw new Error('no ETP group queue in the desk view');
    return queue;
  };

  it('five participants wait for the group step, never offered one by one', async () => {
    for (let n = 0; n < 5; n += 1) expect((await walkIn(n)).state).toBe('waiting');
    const desk = await carole.call<DeskViewDto>('GET', '/api/desk');
    expect(etp(desk.body)).toMatchObject({ capacity: 10, facilitators: 2, sessions: [] });
    expect(etp(desk.body).waiting.map((w) => w.visitId)).toEqual(ids);
    expect([...desk.body.mine, ...desk.body.shared].some((e) => ids.includes(e.visitId))).toBe(false);
    const next = await carole.call('POST', '/api/desk/call-next');
    expect(next.status).toBe(404);
  });

  it('« Appeler le groupe » calls all five at once; the TV shows ONE call for the room, no name', async () => {
    const called = await group(carole, { type: 'call' });
    expect(called.status).toBe(200);
    const session = etp(called.body).sessions[0];
    expect(session).toMatchObject({ stage: 'called', facilitatorIds: ['carole'], mine: true });
    expect(session?.participantIds.sort()).toEqual([...ids].sort());
    const shown = await display.waitFor((m) => callOf(m)?.session !== undefined);
    expect(callOf(shown)).toMatchObject({
      session: 'Séance collective ETP',
      roomLabel: 'Salle de soins 1',
      civility: '',
      initial: '',
      lastName: '',
    });
    // The desk push reaches the facilitator after the commit: by then every call of it went out.
    await caroleWs.waitFor(
      (m) =>
        isEvent(m) &&
        m.payload.kind === 'desk.view' &&
        (m.payload.view.groups?.[0]?.sessions.length ?? 0) > 0,
    );
    const calls = display.messages.map(callOf).filter((c): c is CallDto => c !== null);
    expect(calls).toHaveLength(1);
    const text = JSON.stringify(display.messages);
    for (const [, firstName, lastName] of PEOPLE) {
      expect(text).not.toContain(lastName);
      expect(text).not.toContain(firstName);
    }
  });

  it('Marie joins as second facilitator, and cannot join twice', async () => {
    const sessionId = etp((await carole.call<DeskViewDto>('GET', '/api/desk')).body).sessions[0]?.id;
    const joined = await group(marie, { type: 'join', sessionId });
    expect(joined.status).toBe(200);
    expect(etp(joined.body).sessions[0]?.facilitatorIds).toEqual(['carole', 'marie']);
    const again = await group(marie, { type: 'join', sessionId });
    expect(again.status).toBe(409);
  });

  it('the sixth, arriving after the call and before the start, joins the session', async () => {
    const late = await walkIn(5);
    expect(late.state).toBe('called');
    const view = (await carole.call<DeskViewDto>('GET', '/api/desk')).body;
    expect(etp(view).sessions[0]?.participantIds).toHaveLength(6);
  });

  it('start and finish move all six; one journal entry per participant, in one transaction each', async () => {
    const sessionId = etp((await carole.call<DeskViewDto>('GET', '/api/desk')).body).sessions[0]?.id;
    expect((await group(carole, { type: 'start', sessionId })).status).toBe(200);
    const after = await walkIn(6);
    expect(after.state).toBe('waiting');
    const finished = await group(marie, { type: 'finish', sessionId });
    expect(finished.status).toBe(200);
    expect(etp(finished.body).sessions).toEqual([]);
    expect(etp(finished.body).waiting.map((w) => w.visitId)).toEqual([after.id]);
    const visits = (await sophie.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
    const six = ids.slice(0, 6).map((id) => visits.find((v) => v.id === id));
    expect(six.map((v) => v?.state)).toEqual(Array(6).fill('done'));
    const journal = readJournal(demo.dataDir).filter((e) => e.data['sessionId'] === sessionId);
    const byType = (type: string) => journal.filter((e) => e.type === type);
    expect(byType('visit.called')).toHaveLength(6);
    expect(byType('visit.care_started')).toHaveLength(6);
    expect(byType('visit.care_finished')).toHaveLength(6);
    expect(byType('visit.facilitator_joined')).toHaveLength(5);
    // One command = one transaction: all six starts share the same instant.
    expect(new Set(byType('visit.care_started').map((e) => e.at)).size).toBe(1);
    expect(JSON.stringify(journal)).not.toContain('DUBOIS');
  });

  it('a session action by someone who does not run it is refused in French', async () => {
    const luc = await demo.login('luc');
    const refused = await group(luc, { type: 'call' });
    expect(refused.status).toBe(404);
    expect(JSON.stringify(refused.body)).toContain('Aucun participant');
    const bad = await group(carole, { type: 'start', sessionId: 'nope' });
    expect(bad.status).toBe(404);
    const kiosk = await demo.device('kiosk');
    expect((await group(kiosk, { type: 'call' })).status).toBe(403);
  });
});
