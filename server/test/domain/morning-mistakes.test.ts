/** The usual mistakes of a real morning, undone or prevented by the engine (issue 14). */
import { describe, expect, it } from 'vitest';
import type { Identity } from '@gfa/shared';
import { journeyAwareDispatcher, queueView } from '../../src/domain/index.js';
import { DAY, Day, T0, appointment, kiosk, makeConfig, min, staff, supervisor, system } from './fixtures.js';

const sophie = staff('sophie', ['user'], false);
const christelle = staff('christelle');
const autoDay = (): Day => new Day(makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: true } }));

describe('late arrivals and undo', () => {
  it('Q-ARRIVE-5: a consultant marked « Non venu » who checks in late is admitted and routed, journaled so', () => {
    const day = new Day();
    const id = day.ok({ type: 'expect', appointment: appointment('a1', 'eps', T0) }, system)
      .visitId as string;
    day.ok({ type: 'visit', visitId: id, action: { type: 'no_show' } }, sophie);
    day.advance(40);
    const result = day.ok({ type: 'check_in', visitId: id }, kiosk);
    expect(day.visit(id)).toMatchObject({ state: 'waiting', arrivedAt: T0 + min(40) });
    const checkedIn = result.events.find((e) => e.type === 'visit.checked_in');
    expect(checkedIn?.data).toEqual({ via: 'device', afterNoShow: true });
    // An ordinary arrival does not carry the mark.
    const other = day.ok({ type: 'expect', appointment: appointment('a2', 'eps', T0) }, system);
    const plain = day.ok({ type: 'check_in', visitId: other.visitId as string }, kiosk);
    expect(plain.events.find((e) => e.type === 'visit.checked_in')?.data).toEqual({ via: 'device' });
  });

  it('Q-ACT-12: reception undoes « Non venu »: the consultant is expected again', () => {
    const day = new Day();
    const id = day.ok({ type: 'expect', appointment: appointment('a1', 'eps', T0) }, system)
      .visitId as string;
    day.act(id, { type: 'no_show' }, sophie);
    const r = day.act(id, { type: 'reopen' }, sophie);
    expect(r.ok && r.events.map((e) => [e.type, e.data])).toEqual([['visit.reopened', { from: 'no_show' }]]);
    expect(day.visit(id).state).toBe('expected');
  });

  it('Q-ACT-12: a departure and a forced end are undone: back in the queues of the remaining steps', () => {
    const day = new Day();
    const left = day.arrive(appointment('a1', 'eps', T0));
    day.care(left, 'christelle');
    day.act(left, { type: 'leave' }, sophie);
    day.advance(3);
    const r = day.act(left, { type: 'reopen' }, sophie);
    expect(r.ok).toBe(true);
    expect(day.visit(left)).toMatchObject({ state: 'waiting', endedAt: null, readySince: day.now });
    expect(day.stepStatus(left, 'admin')).toBe('done');

    const ended = day.arrive(appointment('a2', 'eps', T0));
    day.act(ended, { type: 'end' }, supervisor);
    expect(day.visit(ended).state).toBe('done');
    expect(day.act(ended, { type: 'reopen' }, sophie).ok).toBe(true);
    expect(day.visit(ended).state).toBe('waiting');
  });

  it('Q-ACT-12: a complete journey or a visit in progress cannot be reopened; devices cannot reopen', () => {
    const day = new Day(makeConfig({ templates: makeConfig().templates.filter((t) => t.id !== 'tpl-psy') }));
    const id = day.arrive(appointment('a1', 'eip', T0));
    const waiting = day.act(id, { type: 'reopen' }, sophie);
    expect(waiting.ok ? null : waiting.error.code).toBe('invalid_state');
    day.care(id, 'carole');
    expect(day.visit(id).state).toBe('done');
    const complete = day.act(id, { type: 'reopen' }, sophie);
    expect(complete.ok ? null : complete.error.message).toMatch(/parcours de ce consultant est complet/);
    const byKiosk = day.act(id, { type: 'reopen' }, kiosk);
    expect(byKiosk.ok ? null : byKiosk.error.code).toBe('forbidden');
  });

  it('Q-ACT-13: an ECG tick set by mistake is removed and journaled; removing a missing tick is refused', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.act(id, { type: 'check', kind: 'ecg', mark: 'lecture' }, christelle);
    day.act(id, { type: 'check', kind: 'ecg', mark: 'interpretation' }, christelle);
    const r = day.act(id, { type: 'uncheck', kind: 'ecg', mark: 'lecture' }, christelle);
    expect(r.ok && r.events.map((e) => [e.type, e.data])).toEqual([
      ['visit.check_unmarked', { kind: 'ecg', mark: 'lecture' }],
    ]);
    expect(day.visit(id).checks.map((c) => c.mark)).toEqual(['interpretation']);
    const again = day.act(id, { type: 'uncheck', kind: 'ecg', mark: 'lecture' }, christelle);
    expect(again.ok ? null : again.error.code).toBe('invalid_input');
  });
});

describe('walk-ins at reception', () => {
  const walkIn = (day: Day, identity: Identity) =>
    day.run({ type: 'walk_in', identity, reasonId: 'eps', professionalId: null }, sophie);
  const durand: Identity = { civility: 'M.', firstName: 'Paul', lastName: 'DURAND', birthDate: '1970-03-04' };

  it('Q-ARRIVE-6: first name and a birth date neither in the future nor more than 120 years ago', () => {
    const day = new Day();
    const refused = (identity: Identity) => {
      const r = walkIn(day, identity);
      return r.ok ? null : [r.error.code, r.error.message];
    };
    expect(refused({ ...durand, firstName: ' ' })).toEqual(['invalid_input', 'Indiquez le prénom.']);
    expect(refused({ ...durand, birthDate: null })).toEqual([
      'invalid_input',
      'Indiquez la date de naissance.',
    ]);
    expect(refused({ ...durand, birthDate: '2030-01-01' })).toEqual([
      'invalid_input',
      'La date de naissance ne peut pas être dans le futur.',
    ]);
    expect(refused({ ...durand, birthDate: '1906-11-23' })?.[1]).toMatch(/plus de 120 ans/);
    expect(refused({ ...durand, birthDate: '1906-11-24' })).toBeNull();
    expect(refused({ ...durand, lastName: 'NEWBORN', birthDate: DAY })).toBeNull();
  });

  it('Q-ARRIVE-7: the same person twice, or a walk-in matching an appointment of today, is refused', () => {
    const day = new Day();
    expect(walkIn(day, durand).ok).toBe(true);
    const twin = walkIn(day, { ...durand, lastName: 'Durand', firstName: 'paul' });
    expect(twin.ok ? null : [twin.error.code, twin.error.message]).toEqual([
      'conflict',
      'Ce consultant est déjà dans le centre aujourd’hui.',
    ]);
    const appt = appointment('a1', 'eps', T0);
    day.ok({ type: 'expect', appointment: appt }, system);
    const booked = walkIn(day, { ...appt.identity, lastName: appt.identity.lastName.toLowerCase() });
    expect(booked.ok ? null : booked.error.message).toMatch(/a un rendez-vous aujourd’hui/);
    expect(Object.keys(day.state.visits)).toHaveLength(2);
    // Another birth date is another person.
    expect(walkIn(day, { ...durand, birthDate: '1971-03-04' }).ok).toBe(true);
  });
});

describe('« Absent : remettre en file » does not loop', () => {
  it('Q-REQUEUE-1: alone in the queue, he is not offered nor given back to the same professional for the cooldown', () => {
    const day = autoDay();
    day.available('christelle');
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.advance(2);
    day.ok({ type: 'desk', professionalId: 'christelle', action: { type: 'call_next' } }, christelle);
    day.advance(1);
    day.act(id, { type: 'requeue' }, christelle);
    expect(day.visit(id)).toMatchObject({ state: 'waiting', readySince: T0, offer: null });
    expect(day.visit(id).requeued).toEqual({ professionalId: 'christelle', at: T0 + min(3) });
    const next = day.callNext('christelle');
    expect(next.ok ? null : next.error.message).toMatch(/remis en file vous sera proposé/);
    const view = queueView(day.state, day.config, 'christelle', day.now, journeyAwareDispatcher);
    expect(view.mine.concat(view.shared).map((e) => [e.visitId, e.requeuedByMe])).toEqual([[id, true]]);
    // He may still be called by name.
    day.advance(4);
    day.available('christelle');
    expect(day.visit(id).offer).toBeNull();
    day.advance(1);
    day.available('christelle');
    expect(day.visit(id).offer?.professionalId).toBe('christelle');
    expect(day.callNext('christelle').ok).toBe(true);
    expect(day.visit(id).requeued).toBeNull();
  });

  it('Q-REQUEUE-1: with four waiting, the three others come first, even after the cooldown', () => {
    const day = autoDay();
    const ids = [1, 2, 3, 4].map((n) => {
      const id = day.arrive(appointment(`a${n}`, 'eps', T0));
      day.advance(1);
      return id;
    });
    day.available('christelle');
    expect(day.visit(ids[0] as string).offer?.professionalId).toBe('christelle');
    day.callNext('christelle');
    day.act(ids[0] as string, { type: 'requeue' }, christelle);
    const order: string[] = [];
    for (let turn = 0; turn < 4; turn += 1) {
      const called = day.ok(
        { type: 'desk', professionalId: 'christelle', action: { type: 'call_next' } },
        christelle,
      );
      order.push(called.visitId as string);
      day.advance(1);
      day.act(called.visitId as string, { type: 'start' }, christelle);
      day.advance(10);
      day.act(called.visitId as string, { type: 'finish' }, christelle);
    }
    expect(order).toEqual([ids[1], ids[2], ids[3], ids[0]]);
  });

  it('Q-REQUEUE-1: another professional of the queue may take him at once', () => {
    const day = autoDay();
    day.available('christelle');
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.callNext('christelle');
    day.act(id, { type: 'requeue' }, christelle);
    day.available('sophie');
    expect(day.visit(id).offer?.professionalId).toBe('sophie');
  });
});

describe('workstation figures', () => {
  it('Q-VIEW-1: journeys begun today and journeys in progress are counted apart', () => {
    const day = new Day(makeConfig({ templates: makeConfig().templates.filter((t) => t.id !== 'tpl-psy') }));
    const gone = day.arrive(appointment('a1', 'eip', T0));
    day.arrive(appointment('a2', 'eip', T0));
    day.ok({ type: 'expect', appointment: appointment('a3', 'eip', T0) }, system);
    day.care(gone, 'carole');
    const view = queueView(day.state, day.config, 'carole', day.now, journeyAwareDispatcher);
    expect([view.begunJourneys, view.startedJourneys]).toEqual([2, 1]);
  });
});
