/**
 * The kiosk's satisfaction question (issue 17, item 7), through the real
 * HTTPS server: anonymous answers throttled per kiosk, one answer per visit
 * when the convocation is scanned, no name stored or journaled, statistics
 * by reason and journey-time band for the administrator only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckinResponse, SatisfactionResponse, SatisfactionStats, VisitDto } from '@gfa/shared';
import { databaseFile, openDatabase } from '../../src/db/database.js';
import { localDay } from '../../src/calendar/local-time.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import type { ApiClient } from './support/https-client.js';
import { readJournal } from './support/journal.js';

const MINUTE = 60_000;
let now = Date.parse('2026-12-01T09:00:00+01:00');
let demo: DemoServer;
let kiosk: ApiClient;
let visit: VisitDto;

const answer = (body: object) =>
  kiosk.call<SatisfactionResponse & { error?: { message: string } }>('POST', '/api/kiosk/satisfaction', body);

beforeAll(async () => {
  demo = await startDemoServer(() => now);
  kiosk = await demo.device('kiosk');
  const checkin = await kiosk.call<CheckinResponse>('POST', '/api/checkin', {
    idempotencyKey: 'satisfaction-0001',
    by: { kind: 'reference', reference: 'RDV-0001' },
  });
  expect(checkin.body.outcome).toBe('recognised');
  const sophie = await demo.login('sophie');
  const visits = await sophie.call<{ visits: VisitDto[] }>('GET', '/api/visits');
  visit = visits.body.visits.find(
    (v) => checkin.body.outcome === 'recognised' && v.id === checkin.body.visitId,
  ) as VisitDto;
  now += 75 * MINUTE;
});
afterAll(async () => {
  await demo.close();
});

describe('satisfaction at the kiosk', () => {
  it('records an anonymous tap, then throttles the next one of the same kiosk', async () => {
    const first = await answer({ score: 5 });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ linked: false, message: 'Merci pour votre avis !' });
    const again = await answer({ score: 1 });
    expect(again.status).toBe(429);
    expect(again.body.error?.message).toBe('Merci, un avis vient d’être enregistré sur cette borne.');
    now += 31_000;
    expect((await answer({ score: 2 })).status).toBe(200);
  });

  it('links an answer to the visit by its convocation, once per visit', async () => {
    const linked = await answer({ score: 4, reference: 'RDV-0001' });
    expect(linked.status).toBe(200);
    expect(linked.body.linked).toBe(true);
    // Linked answers are not throttled by the anonymous ones, but a visit answers once.
    const twice = await answer({ score: 1, reference: 'RDV-0001' });
    expect(twice.status).toBe(409);
    expect(twice.body.error?.message).toMatch(/déjà donné votre avis/);
    const unknown = await answer({ score: 3, reference: 'RDV-9999' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.message).toMatch(/Convocation non reconnue/);
  });

  it('refuses bad scores and other principals', async () => {
    for (const score of [0, 6, 2.5, '5']) expect((await answer({ score })).status).toBe(400);
    const display = await demo.device('display');
    expect((await display.call('POST', '/api/kiosk/satisfaction', { score: 5 })).status).toBe(403);
    const sophie = await demo.login('sophie');
    expect((await sophie.call('POST', '/api/kiosk/satisfaction', { score: 5 })).status).toBe(403);
    const day = localDay(now);
    const stats = `/api/statistics/satisfaction?from=${day}&to=${day}`;
    expect((await sophie.call('GET', stats)).status).toBe(403);
    expect((await kiosk.call('GET', stats)).status).toBe(403);
  });

  it('stores and journals no name, and gives the administrator CSAT by reason and journey band', async () => {
    const handle = openDatabase(databaseFile(demo.dataDir));
    try {
      const rows = handle.sqlite.prepare('select * from satisfaction_answers order by id').all() as Record<
        string,
        unknown
      >[];
      expect(rows.map((r) => [r.score, r.visit_id, r.reason_id, r.journey_minutes])).toEqual([
        [5, null, null, null],
        [2, null, null, null],
        // Arrived 75 min 31 s before the answer, journey still in progress.
        [4, visit.id, visit.reasonId, 76],
      ]);
      expect(JSON.stringify(rows)).not.toContain(visit.identity.lastName);
    } finally {
      handle.close();
    }
    const journaled = readJournal(demo.dataDir).filter((e) => e.type === 'satisfaction.recorded');
    expect(journaled.map((e) => e.data)).toEqual([
      { score: 5, linked: false },
      { score: 2, linked: false },
      { score: 4, linked: true },
    ]);
    expect(JSON.stringify(journaled)).not.toContain(visit.identity.lastName);

    const admin = await demo.login('admin');
    const day = localDay(now);
    const res = await admin.call<SatisfactionStats>(
      'GET',
      `/api/statistics/satisfaction?from=${day}&to=${day}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.all).toEqual({ answers: 3, satisfied: 2, csatPercent: 66.7 });
    const reason = res.body.byReason.find((r) => r.reasonId === visit.reasonId);
    expect(reason).toMatchObject({ answers: 1, satisfied: 1, csatPercent: 100 });
    expect(res.body.byReason.at(-1)).toMatchObject({ reasonId: null, answers: 2, satisfied: 1 });
    const bands = Object.fromEntries(res.body.byJourneyBand.map((b) => [b.band, b.answers]));
    expect(bands).toEqual({ under_60: 0, '60_90': 1, '90_120': 0, over_120: 0 });
  });
});
