import { describe, expect, it } from 'vitest';
import { fifoDispatcher } from '../../src/domain/index.js';
import { Day, T0, appointment, makeConfig, staff } from './fixtures.js';

const auto = makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: true } });

describe('dispatch', () => {
  it('Q-OFFER-1: longest idle by real idle time: the professional who just finished a care waits', () => {
    const day = new Day(auto);
    day.available('christelle');
    day.advance(1);
    day.available('sophie');
    const first = day.arrive(appointment('a1', 'eps', T0));
    expect(day.visit(first).offer?.professionalId).toBe('christelle');
    day.care(first, 'christelle');
    // Christelle set her presence first, but she has just finished; Sophie has been idle for 12 min.
    const next = day.arrive(appointment('a2', 'eps', T0));
    expect(day.visit(next).offer?.professionalId).toBe('sophie');
  });

  it('Q-DISPATCH-2: FIFO gives the longest wait first, whatever the priority class', () => {
    const day = new Day(auto, fifoDispatcher);
    const eps = day.arrive(appointment('a1', 'eps', T0));
    day.advance(1);
    const constances = day.arrive(appointment('a2', 'epsc', T0));
    day.available('christelle');
    expect(day.visit(eps).offer?.professionalId).toBe('christelle');
    expect(day.visit(constances).offer).toBeNull();
  });

  it('Q-DISPATCH-3: the scarcest category chooses first', () => {
    // Two consultants wait for the lab (one technician); one of them also for the nurse.
    // The nurse has been idle longer, but the lab, with twice the minutes waiting, chooses first
    // and takes the consultant nearest the end; the nurse then takes the other one.
    const config = makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: true } });
    const day = new Day({ ...config, policy: { ...config.policy, autoAssign: false } });
    const both = day.arrive(appointment('a1', 'eps', T0));
    day.care(both, 'christelle');
    day.care(both, 'luc');
    const labOnly = day.arrive(appointment('a2', 'eps', T0));
    day.care(labOnly, 'christelle');
    day.care(labOnly, 'luc');
    day.care(labOnly, 'carole');
    day.available('carole');
    day.advance(5);
    day.available('patrick');
    day.config = config;
    const r = day.ok({ type: 'visit', visitId: both, action: { type: 'note', text: 'ok' } }, staff('carole'));
    const offered = r.events.filter((e) => e.type === 'visit.offered').map((e) => e.professionalId);
    expect(offered).toEqual(['patrick', 'carole']);
    expect(day.visit(labOnly).offer?.professionalId).toBe('patrick');
    expect(day.visit(both).offer?.professionalId).toBe('carole');
  });

  it('Q-DISPATCH-4: within the guards, the consultant nearest the end of their journey first', () => {
    const day = new Day(auto);
    const long = day.arrive(appointment('a2', 'eps', T0));
    day.care(long, 'christelle');
    const short = day.arrive(appointment('a1', 'eps', T0));
    day.care(short, 'christelle');
    day.care(short, 'luc');
    day.care(short, 'patrick');
    day.advance(1);
    // long waited longer and still has doctor, nurse and lab; short has only the nurse left.
    day.available('carole');
    expect(day.visit(short).offer?.professionalId).toBe('carole');
    expect(day.visit(long).offer).toBeNull();
  });

  it('Q-DISPATCH-4 / Q-PICK-5: the priority class guard still comes before the work ahead', () => {
    const day = new Day(auto);
    const eps = day.arrive(appointment('a1', 'eps', T0));
    const constances = day.arrive(appointment('a2', 'epsc', T0));
    day.available('christelle');
    expect(day.visit(constances).offer?.professionalId).toBe('christelle');
    expect(day.visit(eps).offer).toBeNull();
  });

  it('Q-ROUTE-6: a step whose only professional left for the day sends the consultant to reception', () => {
    const day = new Day(auto);
    const id = day.arrive(appointment('a1', 'psy', T0));
    expect(day.visit(id).state).toBe('arrived'); // nobody serves psychologue at all (Q-ROUTE-5)
    const eip = day.arrive(appointment('a2', 'eip', T0, 'carole'));
    day.available('carole');
    const r = day.ok(
      { type: 'desk', professionalId: 'carole', action: { type: 'presence', state: 'offline' } },
      staff('carole'),
    );
    expect(day.visit(eip).state).toBe('arrived');
    expect(r.events.find((e) => e.type === 'visit.sent_to_reception')?.data).toEqual({
      cause: 'nobody_present',
    });
  });

  it('Q-ROUTE-6: a professional not yet logged in today may still come: the consultant waits', () => {
    const day = new Day(auto);
    const eip = day.arrive(appointment('a2', 'eip', T0, 'carole'));
    expect(day.visit(eip).state).toBe('waiting');
  });
});
