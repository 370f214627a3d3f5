/**
 * The forecast where people decide (issue 17, item 4), through the real
 * HTTPS server: the kiosk's « dans environ … », the desk's next consultant,
 * the staff's per-visit forecast, the TVs' waits per category and the
 * supervisor's expected journey end — each one to the principals allowed,
 * with no name where the principal must not see one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CategoryWaitsDto,
  CheckinResponse,
  DeskForecastDto,
  DisplaySettings,
  SupervisionDto,
  VisitDto,
  VisitForecastsDto,
} from '@gfa/shared';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { apiClient, type ApiClient } from './support/https-client.js';

const MINUTE = 60_000;
let now = Date.parse('2026-12-01T08:30:00+01:00');
let demo: DemoServer;
let kiosk: ApiClient;
let display: ApiClient;
let christelle: ApiClient;
/** Convocations of EPS visitors, whose journey opens at the administrative desks. */
let eps: string[];
/** A doctor, a nurse and a lab technician besides Christelle, so that EPS journeys can end. */
let clinicians: ApiClient[];
const presence = (client: ApiClient, state: 'available' | 'offline') =>
  client.call('POST', '/api/desk/presence', { state });

const checkIn = async (reference: string): Promise<CheckinResponse> => {
  const res = await kiosk.call<CheckinResponse>('POST', '/api/checkin', {
    idempotencyKey: `forecast-${reference}`,
    by: { kind: 'reference', reference },
  });
  expect(res.status).toBe(200);
  return res.body;
};

beforeAll(async () => {
  demo = await startDemoServer(() => now);
  kiosk = await demo.device('kiosk');
  display = await demo.device('display');
  christelle = await demo.login('christelle');
  clinicians = [await demo.login('luc'), await demo.login('carole'), await demo.login('patrick')];
  for (const client of [christelle, ...clinicians])
    expect((await presence(client, 'available')).status).toBe(200);
  const visits = await christelle.call<{ visits: VisitDto[] }>('GET', '/api/visits');
  const references = await christelle.call<{ references: Record<string, string> }>(
    'GET',
    '/api/visits/references',
  );
  eps = visits.body.visits
    .filter((v) => v.reasonId === 'eps' && v.appointmentId)
    .map((v) => references.body.references[v.appointmentId as string] as string);
});
afterAll(async () => {
  await demo.close();
});

describe('forecast on the screens (Q-FORECAST-1)', () => {
  const checkedIn: string[] = [];

  it('tells each visitor at the kiosk when they will be called, from a forecast that knows them', async () => {
    const minutes: number[] = [];
    for (const reference of eps.slice(0, 4)) {
      const answer = await checkIn(reference);
      expect(answer.outcome).toBe('recognised');
      if (answer.outcome !== 'recognised') return;
      checkedIn.push(answer.visitId);
      expect(typeof answer.callInMinutes).toBe('number');
      minutes.push(answer.callInMinutes as number);
      // The estimate is the staff's per-visit forecast of the same state, in whole minutes.
      const forecasts = await christelle.call<VisitForecastsDto>('GET', '/api/forecast/visits');
      const mine = forecasts.body.visits.find((v) => v.visitId === answer.visitId);
      expect(mine?.nextCareAt).not.toBeNull();
      expect(answer.callInMinutes).toBe(Math.round(((mine?.nextCareAt as number) - now) / MINUTE));
    }
    // One agent at the administrative desks: each newcomer waits behind the previous ones.
    expect(minutes).toEqual([...minutes].sort((a, b) => a - b));
    expect(minutes.at(-1)).toBeGreaterThan(minutes[0] as number);
  });

  it('shows the professional their next consultant and who comes to them, in forecast order', async () => {
    const res = await christelle.call<DeskForecastDto>('GET', '/api/forecast/desk');
    expect(res.status).toBe(200);
    expect(res.body.nextConsultantAt).toBeGreaterThanOrEqual(now);
    const coming = res.body.coming;
    expect(new Set(coming.map((c) => c.visitId))).toEqual(new Set(checkedIn));
    const times = coming.map((c) => c.expectedAt as number);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    // A supervisor without a desk is told so, in French.
    const virginie = await demo.login('virginie');
    const none = await virginie.call<{ error: { message: string } }>('GET', '/api/forecast/desk');
    expect(none.status).toBe(404);
    expect(none.body.error.message).toMatch(/Aucun poste de professionnel/);
  });

  it('shows the supervisor each journey’s expected end', async () => {
    const virginie = await demo.login('virginie');
    const board = await virginie.call<SupervisionDto>('GET', '/api/supervision');
    const forecasts = await christelle.call<VisitForecastsDto>('GET', '/api/forecast/visits');
    for (const visitId of checkedIn) {
      const row = board.body.consultants.find((c) => c.visitId === visitId);
      const forecast = forecasts.body.visits.find((v) => v.visitId === visitId);
      expect(row?.expectedEndAt).toBeGreaterThan(now);
      expect(row?.expectedEndAt).toBe(forecast?.journeyEndAt);
    }
    // Nobody arrived yet: no expected end.
    const expected = board.body.consultants.find((c) => c.status === 'expected');
    expect(expected?.expectedEndAt ?? null).toBeNull();
  });

  it('gives the TVs a wait per category, with no name, and the administrator turns it on', async () => {
    // Off by default: a TV gets none, staff do.
    const off = await display.call<CategoryWaitsDto>('GET', '/api/forecast/categories');
    expect(off.status).toBe(200);
    expect(off.body.categories).toEqual([]);
    const staffView = await christelle.call<CategoryWaitsDto>('GET', '/api/forecast/categories');
    expect(staffView.body.categories.some((c) => c.categoryId === 'administratif')).toBe(true);
    const settings = await display.call<DisplaySettings>('GET', '/api/settings/display');
    expect(settings.body.categoryWaits ?? false).toBe(false);
    const admin = await demo.login('admin');
    const saved = await admin.call('PUT', '/api/settings/display', { ...settings.body, categoryWaits: true });
    expect(saved.status).toBe(200);
    const after = await display.call<DisplaySettings>('GET', '/api/settings/display');
    expect(after.body.categoryWaits).toBe(true);
    const waits = await display.call<CategoryWaitsDto>('GET', '/api/forecast/categories');
    expect(waits.body.categories).toEqual(staffView.body.categories);
    for (const c of waits.body.categories)
      expect(Object.keys(c).sort()).toEqual(['categoryId', 'waitMinutes']);
    const visits = await christelle.call<{ visits: VisitDto[] }>('GET', '/api/visits');
    const text = JSON.stringify(waits.body);
    for (const v of visits.body.visits.filter((x) => checkedIn.includes(x.id)))
      expect(text).not.toContain(v.identity.lastName);
  });

  it('refuses the staff forecasts to devices and the category waits to kiosks', async () => {
    for (const path of ['/api/forecast/desk', '/api/forecast/visits']) {
      expect((await display.call('GET', path)).status).toBe(403);
      expect((await kiosk.call('GET', path)).status).toBe(403);
    }
    expect((await kiosk.call('GET', '/api/forecast/categories')).status).toBe(403);
    const anonymous = apiClient(demo.server.url, demo.ca);
    expect((await anonymous.call('GET', '/api/forecast/categories')).status).toBe(401);
    await anonymous.close();
  });

  it('says nothing rather than a made-up time when nobody can take the visitor', async () => {
    for (const client of [christelle, ...clinicians])
      expect((await presence(client, 'offline')).status).toBe(200);
    now += MINUTE;
    const answer = await checkIn(eps[4] as string);
    expect(answer.outcome).toBe('recognised');
    if (answer.outcome === 'recognised') expect(answer.callInMinutes ?? null).toBeNull();
  });
});
