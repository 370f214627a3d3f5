import { describe, expect, it } from 'vitest';
import { queuesOf } from '../../src/domain/index.js';
import { Day, DAY, T0, appointment, kiosk, makeConfig, min, staff, system } from './fixtures.js';

describe('arrival and routing', () => {
  it('Q-ARRIVE-1: one expected visit per appointment, idempotent', () => {
    const day = new Day();
    const appt = appointment('a1', 'eps', T0 + min(30));
    const first = day.ok({ type: 'expect', appointment: appt }, system);
    const again = day.ok({ type: 'expect', appointment: appt }, system);
    expect(again.visitId).toBe(first.visitId);
    expect(again.changedVisitIds).toEqual([]);
    expect(Object.keys(day.state.visits)).toHaveLength(1);
    expect(day.visit(first.visitId as string).state).toBe('expected');
  });

  it('Q-ARRIVE-1: cancelled and other-day appointments are refused', () => {
    const day = new Day();
    const cancelled = day.run(
      { type: 'expect', appointment: { ...appointment('a1', 'eps', T0), status: 'cancelled' } },
      system,
    );
    expect(cancelled.ok ? null : cancelled.error.code).toBe('invalid_state');
    const tomorrow = day.run(
      { type: 'expect', appointment: { ...appointment('a2', 'eps', T0), day: '2026-11-25' } },
      system,
    );
    expect(tomorrow.ok ? null : tomorrow.error.code).toBe('invalid_input');
  });

  it('Q-ARRIVE-4: a cancelled appointment withdraws its expected visit; a changed one is expected anew', () => {
    const day = new Day();
    const appt = appointment('a1', 'eps', T0 + min(30));
    const first = day.ok({ type: 'expect', appointment: appt }, system).visitId as string;
    const withdrawn = day.ok({ type: 'withdraw', appointmentId: 'a1' }, system);
    expect(withdrawn.events.map((e) => [e.type, e.data])).toEqual([
      ['visit.withdrawn', { appointmentId: 'a1' }],
    ]);
    expect(day.visit(first)).toMatchObject({ state: 'cancelled', endedAt: T0 });
    const again = day.ok({ type: 'expect', appointment: { ...appt, at: T0 + min(60) } }, system);
    expect(again.visitId).not.toBe(first);
    expect(day.visit(again.visitId as string)).toMatchObject({
      state: 'expected',
      appointmentAt: T0 + min(60),
    });
  });

  it('Q-ARRIVE-4: an arrived consultant is never withdrawn; nothing to withdraw is a no-op', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const none = day.ok({ type: 'withdraw', appointmentId: 'a1' }, system);
    expect(none.events).toEqual([]);
    expect(day.visit(id).state).toBe('waiting');
    expect(day.ok({ type: 'withdraw', appointmentId: 'ghost' }, system).events).toEqual([]);
  });

  it('Q-ARRIVE-2 / Q-ROUTE-2: EPS check-in goes to the administrative box queue', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const visit = day.visit(id);
    expect(visit.state).toBe('waiting');
    expect(visit.arrivedAt).toBe(T0);
    expect(visit.readySince).toBe(T0);
    expect(queuesOf(visit, day.config)).toEqual([{ kind: 'category', categoryId: 'admin' }]);
  });

  it('Q-ARRIVE-2: a second check-in is a conflict and writes nothing', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const before = day.state;
    const again = day.run({ type: 'check_in', visitId: id }, kiosk);
    expect(again.ok ? null : again.error.code).toBe('conflict');
    expect(day.state).toBe(before);
  });

  it('Q-ROUTE-3: appointment with a named professional goes to that professional queue', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eip', T0, 'carole'));
    expect(queuesOf(day.visit(id), day.config)).toEqual([{ kind: 'professional', professionalId: 'carole' }]);
  });

  it('Q-ROUTE-3: without a named professional the fallback category queue', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eip', T0));
    expect(queuesOf(day.visit(id), day.config)).toEqual([{ kind: 'category', categoryId: 'infirmier' }]);
  });

  it("Q-ROUTE-4: a reason step waits in the reason's queue, served by its professionals", () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'etpc', T0));
    expect(queuesOf(day.visit(id), day.config)).toEqual([{ kind: 'reason', reasonId: 'etpc' }]);
    expect(day.callNext('carole').ok).toBe(true);
    expect(day.visit(id).state).toBe('called');
  });

  it('Q-ROUTE-5 / Q-ROUTE-1: no professional for the step → stays arrived, reception queue', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'psy', T0));
    const visit = day.visit(id);
    expect(visit.state).toBe('arrived');
    expect(queuesOf(visit, day.config)).toEqual([{ kind: 'reception' }]);
    expect(day.state.visits[id]).toBeDefined();
  });

  it('Q-ROUTE-1: after the admin box the consultant waits in every ready queue at once', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.care(id, 'christelle');
    expect(queuesOf(day.visit(id), day.config)).toEqual([
      { kind: 'category', categoryId: 'medecin' },
      { kind: 'category', categoryId: 'infirmier' },
      { kind: 'category', categoryId: 'preleveur' },
    ]);
  });

  it('Q-ARRIVE-3: reception registers a walk-in for a reason and a professional', () => {
    const day = new Day();
    const result = day.ok(
      {
        type: 'walk_in',
        identity: { civility: 'Mme', firstName: 'Anne', lastName: 'X', birthDate: '1980-05-06' },
        reasonId: 'eip',
        professionalId: 'carole',
      },
      staff('sophie'),
    );
    const visit = day.visit(result.visitId as string);
    expect(visit.state).toBe('waiting');
    expect(visit.appointmentId).toBeNull();
    expect(visit.day).toBe(DAY);
    expect(queuesOf(visit, day.config)).toEqual([{ kind: 'professional', professionalId: 'carole' }]);
    expect(result.events.map((e) => e.type)).toEqual(['visit.registered', 'visit.checked_in']);
  });

  it('Q-ARRIVE-3: unknown reason or professional is refused', () => {
    const day = new Day();
    const identity = { civility: 'M.' as const, firstName: 'A', lastName: 'B', birthDate: null };
    const r1 = day.run(
      { type: 'walk_in', identity, reasonId: 'nope', professionalId: null },
      staff('sophie'),
    );
    expect(r1.ok ? null : r1.error.code).toBe('invalid_input');
    const r2 = day.run(
      { type: 'walk_in', identity, reasonId: 'eip', professionalId: 'ghost' },
      staff('sophie'),
    );
    expect(r2.ok ? null : r2.error.code).toBe('invalid_input');
  });

  it('Q-STEP-1: a visit keeps the template version it started with', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'epsc', T0));
    const config = makeConfig();
    day.config = {
      ...config,
      templates: config.templates.map((t) =>
        t.reasonId === 'epsc' ? { ...t, version: 4, steps: [t.steps[0] as (typeof t.steps)[number]] } : t,
      ),
    };
    expect(day.visit(id).templateVersion).toBe(3);
    expect(day.visit(id).steps.map((s) => s.key)).toEqual(['admin', 'infirmier', 'preleveur', 'medecin']);
    const later = day.arrive(appointment('a2', 'epsc', T0));
    expect(day.visit(later).templateVersion).toBe(4);
    expect(day.visit(later).steps).toHaveLength(1);
  });
});
