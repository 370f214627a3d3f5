import { describe, expect, it } from 'vitest';
import { fifoDispatcher, journeyAwareDispatcher } from '../../src/domain/index.js';
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

  it('Q-DISPATCH-3: the scarcest category chooses first among consultants waiting for several', () => {
    // Two consultants waiting for both the nurse and the lab; a third waits for the lab only.
    // The lab has three steps waiting for one technician: it chooses first.
    const config = makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: false } });
    const day = new Day(config, journeyAwareDispatcher);
    const ids = ['a1', 'a2'].map((id) => day.arrive(appointment(id, 'eps', T0)));
    for (const id of ids) day.care(id, 'christelle');
    const third = day.arrive(appointment('a3', 'eps', T0));
    day.care(third, 'christelle');
    day.care(third, 'carole');
    day.available('carole');
    day.available('patrick');
    day.config = { ...config, policy: { ...config.policy, autoAssign: true } };
    day.advance(1);
    day.ok({ type: 'visit', visitId: third, action: { type: 'note', text: 'tick' } }, staff('carole'));
    const offers = Object.values(day.state.visits).flatMap((v) => (v.offer ? [v.offer.professionalId] : []));
    expect(offers.sort()).toEqual(['carole', 'patrick']);
    // The lab took a consultant waiting for both (more work ahead), the nurse the other one.
    const lab = Object.values(day.state.visits).find((v) => v.offer?.professionalId === 'patrick');
    expect(lab && ids.includes(lab.id)).toBe(true);
  });

  it('Q-DISPATCH-4: within the guards, the consultant with the most work still ahead first', () => {
    const day = new Day(auto);
    const short = day.arrive(appointment('a1', 'eps', T0));
    day.care(short, 'christelle');
    day.care(short, 'luc');
    day.care(short, 'patrick');
    const long = day.arrive(appointment('a2', 'eps', T0));
    day.care(long, 'christelle');
    day.advance(1);
    // short has only the nurse left and waited longer; long still has doctor, nurse and lab.
    day.available('carole');
    expect(day.visit(long).offer?.professionalId).toBe('carole');
    expect(day.visit(short).offer).toBeNull();
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
