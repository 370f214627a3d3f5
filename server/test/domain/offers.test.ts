import { describe, expect, it } from 'vitest';
import { Day, T0, appointment, makeConfig, staff } from './fixtures.js';

const autoDay = (): Day => new Day(makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: true } }));

describe('automatic assignment', () => {
  it('Q-OFFER-1: a consultant arriving is offered to the available professional', () => {
    const day = autoDay();
    day.available('christelle');
    const id = day.arrive(appointment('a1', 'eps', T0));
    expect(day.visit(id).offer).toMatchObject({ professionalId: 'christelle', at: T0 });
  });

  it('Q-OFFER-1: a professional freeing up is offered the next consultant', () => {
    const day = autoDay();
    const id = day.arrive(appointment('a1', 'eps', T0));
    expect(day.visit(id).offer).toBeNull();
    const result = day.ok(
      { type: 'desk', professionalId: 'christelle', action: { type: 'presence', state: 'available' } },
      staff('christelle'),
    );
    expect(result.events.map((e) => e.type)).toEqual(['desk.changed', 'visit.offered']);
    expect(result.changedVisitIds).toEqual([id]);
    expect(day.visit(id).offer?.professionalId).toBe('christelle');
  });

  it('Q-OFFER-1: longest idle first, one offer per professional and per consultant', () => {
    const day = autoDay();
    day.available('sophie');
    day.advance(1);
    day.available('christelle');
    const first = day.arrive(appointment('a1', 'eps', T0));
    expect(day.visit(first).offer?.professionalId).toBe('sophie');
    const second = day.arrive(appointment('a2', 'eps', T0));
    expect(day.visit(second).offer?.professionalId).toBe('christelle');
    const third = day.arrive(appointment('a3', 'eps', T0));
    expect(day.visit(third).offer).toBeNull();
  });

  it('Q-OFFER-2: going away releases the offer, which moves to the next consultant', () => {
    const day = autoDay();
    day.available('christelle');
    const a = day.arrive(appointment('a1', 'eps', T0));
    const b = day.arrive(appointment('a2', 'eps', T0));
    const r = day.act(a, { type: 'away', reason: 'dehors' }, staff('sophie'));
    expect(r.ok).toBe(true);
    expect(day.visit(a).offer).toBeNull();
    expect(day.visit(b).offer?.professionalId).toBe('christelle');
  });

  it('Q-OFFER-2: pausing releases the offers made to me', () => {
    const day = autoDay();
    day.available('christelle');
    const a = day.arrive(appointment('a1', 'eps', T0));
    const r = day.ok(
      { type: 'desk', professionalId: 'christelle', action: { type: 'presence', state: 'paused' } },
      staff('christelle'),
    );
    expect(r.events.map((e) => e.type)).toContain('visit.offer_released');
    expect(day.visit(a).offer).toBeNull();
  });

  it('Q-OFFER-2 / Q-ACT-1: calling a consultant offered to someone else releases that offer', () => {
    const day = autoDay();
    day.available('christelle');
    const a = day.arrive(appointment('a1', 'eps', T0));
    const r = day.act(a, { type: 'call' }, staff('sophie'));
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['visit.offer_released', 'visit.called']);
    expect(day.visit(a).steps[0]?.professionalId).toBe('sophie');
  });

  it('Q-OFFER-1: no offer while the professional holds a consultant', () => {
    const day = autoDay();
    day.available('christelle');
    const a = day.arrive(appointment('a1', 'eps', T0));
    day.callNext('christelle');
    const b = day.arrive(appointment('a2', 'eps', T0));
    expect(day.visit(a).state).toBe('called');
    expect(day.visit(b).offer).toBeNull();
    day.act(a, { type: 'start' }, staff('christelle'));
    day.act(a, { type: 'finish' }, staff('christelle'));
    expect(day.visit(b).offer?.professionalId).toBe('christelle');
  });

  it('Q-OFFER-1: autoAssign off → no offers', () => {
    const day = new Day();
    day.available('christelle');
    const a = day.arrive(appointment('a1', 'eps', T0));
    expect(day.visit(a).offer).toBeNull();
  });
});
