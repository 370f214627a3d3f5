import { describe, expect, it } from 'vitest';
import type { VisitAction, VisitState } from '@gfa/shared';
import { queuesOf } from '../../src/domain/index.js';
import { Day, T0, appointment, kiosk, min, staff, supervisor, system } from './fixtures.js';

const christelle = staff('christelle');

describe('visit actions', () => {
  it('Q-ACT-1: call records professional, room and time; the visit leaves every queue', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.advance(4);
    const r = day.act(id, { type: 'call' }, christelle);
    expect(r.ok).toBe(true);
    const step = day.visit(id).steps[0];
    expect(step).toMatchObject({
      status: 'called',
      professionalId: 'christelle',
      roomId: 'box1',
      calledAt: T0 + min(4),
      callCount: 1,
    });
    expect(day.visit(id).state).toBe('called');
    expect(queuesOf(day.visit(id), day.config)).toEqual([]);
  });

  it("Q-ACT-1: the desk's room wins over the professional's default room", () => {
    const day = new Day();
    day.ok(
      {
        type: 'desk',
        professionalId: 'christelle',
        action: { type: 'presence', state: 'available', roomId: 'box2' },
      },
      christelle,
    );
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.act(id, { type: 'call' }, christelle);
    expect(day.visit(id).steps[0]?.roomId).toBe('box2');
  });

  it('Q-ACT-1: a professional cannot call outside their queues', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const r = day.act(id, { type: 'call' }, staff('luc'));
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });

  it('Q-ACT-2: one consultant at a time per professional', () => {
    const day = new Day();
    const a = day.arrive(appointment('a1', 'eps', T0));
    const b = day.arrive(appointment('a2', 'eps', T0));
    day.act(a, { type: 'call' }, christelle);
    const r = day.act(b, { type: 'call' }, christelle);
    expect(r.ok ? null : r.error.code).toBe('conflict');
    const next = day.callNext('christelle');
    expect(next.ok ? null : next.error.code).toBe('conflict');
  });

  it('Q-ACT-3: recall increments the call count and re-announces', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.act(id, { type: 'call' }, christelle);
    day.advance(2);
    const r = day.act(id, { type: 'recall' }, christelle);
    expect(r.ok && r.events.map((e) => e.type)).toEqual(['visit.recalled']);
    expect(day.visit(id).steps[0]).toMatchObject({ callCount: 2, calledAt: T0 + min(2) });
  });

  it('Q-ACT-3: requeue keeps the time already waited', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.advance(5);
    day.act(id, { type: 'call' }, christelle);
    day.act(id, { type: 'requeue' }, christelle);
    const v = day.visit(id);
    expect(v.state).toBe('waiting');
    expect(v.readySince).toBe(T0);
    expect(v.steps[0]).toMatchObject({ status: 'todo', professionalId: null, calledAt: null });
  });

  it('Q-ACT-6 / Q-ACT-7: away and back, the wait before leaving still counts, the time away does not', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.advance(5);
    day.act(id, { type: 'away', reason: 'auto_prelevement' }, christelle);
    expect(day.visit(id)).toMatchObject({
      state: 'away',
      away: { reason: 'auto_prelevement', since: T0 + min(5) },
    });
    expect(queuesOf(day.visit(id), day.config)).toEqual([]);
    expect(day.callNext('christelle').ok).toBe(false);
    day.advance(10);
    const r = day.act(id, { type: 'back' }, christelle);
    expect(r.ok && r.events[0]?.data).toEqual({ reason: 'auto_prelevement', awayMs: min(10) });
    // 5 min waited before the collation, 10 min away: back, the consultant has waited 5 min, not 15.
    expect(day.visit(id)).toMatchObject({ state: 'waiting', away: null, readySince: T0 + min(10) });
    expect(day.now - (day.visit(id).readySince ?? 0)).toBe(min(5));
  });

  it('Q-ACT-8: transfer to a named professional re-targets the step', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.care(id, 'christelle');
    day.act(id, { type: 'call' }, staff('luc'));
    const r = day.act(
      id,
      { type: 'transfer', target: { kind: 'professional', professionalId: 'marc' } },
      staff('luc'),
    );
    expect(r.ok).toBe(true);
    const v = day.visit(id);
    expect(v.state).toBe('waiting');
    expect(queuesOf(v, day.config)).toContainEqual({ kind: 'professional', professionalId: 'marc' });
    expect(day.callNext('luc').ok).toBe(false);
  });

  it('Q-ACT-8: transfer to an unknown target is refused', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const r = day.act(id, { type: 'transfer', target: { kind: 'category', categoryId: 'nope' } }, christelle);
    expect(r.ok ? null : r.error.code).toBe('invalid_input');
  });

  it('Q-ACT-9: notes are kept for the next professionals, the journal holds no text', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const r = day.act(id, { type: 'note', text: 'Malentendant : parler fort' }, staff('luc'));
    expect(day.visit(id).notes).toEqual([
      { id: expect.any(String), at: T0, authorId: 'luc', text: 'Malentendant : parler fort' },
    ]);
    expect(JSON.stringify(r.ok && r.events)).not.toContain('Malentendant');
  });

  it('check: ECG/prélèvement lecture and interprétation are recorded', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.act(id, { type: 'check', kind: 'ecg', mark: 'interpretation' }, staff('luc'));
    expect(day.visit(id).checks).toEqual([{ kind: 'ecg', mark: 'interpretation', at: T0, by: 'luc' }]);
  });

  it('Q-ACT-10: leave and no-show', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.act(id, { type: 'leave' }, christelle);
    expect(day.visit(id)).toMatchObject({ state: 'left', endedAt: T0 });
    const expected = day.ok({ type: 'expect', appointment: appointment('a2', 'eps', T0) }, system)
      .visitId as string;
    day.act(expected, { type: 'no_show' }, christelle);
    expect(day.visit(expected).state).toBe('no_show');
  });

  it('Q-ACT-11: supervisor override — priority, end, act on anyone', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    expect(day.act(id, { type: 'priority', priorityClass: 5 }, christelle).ok).toBe(false);
    expect(day.act(id, { type: 'priority', priorityClass: 5 }, supervisor).ok).toBe(true);
    expect(day.visit(id).priorityClass).toBe(5);
    day.act(id, { type: 'call' }, christelle);
    expect(day.act(id, { type: 'requeue' }, staff('sophie')).ok).toBe(false);
    expect(day.act(id, { type: 'requeue' }, supervisor).ok).toBe(true);
    expect(day.act(id, { type: 'end' }, christelle).ok).toBe(false);
    const ended = day.act(id, { type: 'end', reason: 'malaise' }, supervisor);
    expect(ended.ok && ended.events[0]?.data).toMatchObject({ forced: true, complete: false });
    expect(day.visit(id).state).toBe('done');
  });

  it('Q-RIGHT-1: devices may only check in', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const r = day.act(id, { type: 'note', text: 'x' }, kiosk);
    expect(r.ok ? null : r.error.code).toBe('forbidden');
    const expected = day.run({ type: 'expect', appointment: appointment('a2', 'eps', T0) }, kiosk);
    expect(expected.ok).toBe(false);
  });

  it('Q-RIGHT-2: calling needs a professional', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const r = day.act(id, { type: 'call' }, supervisor);
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });

  it('Q-RIGHT-3: priority needs a supervisor', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const r = day.act(id, { type: 'priority', priorityClass: 3 }, christelle);
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });

  it('Q-RIGHT-4: only the holder acts on the current step', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.act(id, { type: 'call' }, christelle);
    for (const action of [{ type: 'start' }, { type: 'recall' }, { type: 'requeue' }] as VisitAction[]) {
      const r = day.act(id, action, staff('sophie'));
      expect(r.ok ? null : r.error.code).toBe('forbidden');
    }
    day.act(id, { type: 'start' }, christelle);
    const r = day.act(id, { type: 'finish' }, staff('sophie'));
    expect(r.ok ? null : r.error.code).toBe('forbidden');
  });

  it('Q-RIGHT-4: another professional cannot mark an in-care consultant as left', () => {
    const day = new Day();
    const called = day.arrive(appointment('a1', 'eps', T0));
    day.act(called, { type: 'call' }, christelle);
    const inCare = day.arrive(appointment('a2', 'eps', T0));
    day.act(inCare, { type: 'call' }, staff('sophie'));
    day.act(inCare, { type: 'start' }, staff('sophie'));
    for (const [id, holder] of [
      [called, christelle],
      [inCare, staff('sophie')],
    ] as const) {
      const other = holder === christelle ? staff('sophie') : christelle;
      const refused = day.act(id, { type: 'leave' }, other);
      expect(refused.ok ? null : refused.error.code).toBe('forbidden');
      expect(day.visit(id).state).not.toBe('left');
    }
    expect(day.act(called, { type: 'leave' }, christelle).ok).toBe(true);
    expect(day.act(inCare, { type: 'leave' }, supervisor).ok).toBe(true);
    // A waiting consultant is held by nobody: any staff member may record that they left.
    const waiting = day.arrive(appointment('a3', 'eps', T0));
    expect(day.act(waiting, { type: 'leave' }, staff('sophie')).ok).toBe(true);
  });

  it('Q-PURE-3: unknown visit → not_found with a French message', () => {
    const day = new Day();
    const r = day.act('ghost', { type: 'start' }, christelle);
    expect(r.ok ? null : r.error).toEqual({
      code: 'not_found',
      message: 'Consultant introuvable.',
      detail: 'visit ghost not found',
    });
  });
});

/** Every action from every state: allowed transitions succeed, others are typed refusals. */
describe('state × action matrix (Q-PURE-3)', () => {
  const reach: Record<VisitState, (day: Day) => string> = {
    expected: (d) =>
      d.ok({ type: 'expect', appointment: appointment('m', 'eps', T0) }, system).visitId as string,
    arrived: (d) => d.arrive(appointment('m', 'psy', T0)),
    waiting: (d) => d.arrive(appointment('m', 'eps', T0)),
    called: (d) => {
      const id = d.arrive(appointment('m', 'eps', T0));
      d.act(id, { type: 'call' }, christelle);
      return id;
    },
    in_care: (d) => {
      const id = reach.called(d);
      d.act(id, { type: 'start' }, christelle);
      return id;
    },
    away: (d) => {
      const id = d.arrive(appointment('m', 'eps', T0));
      d.act(id, { type: 'away', reason: 'collation' }, christelle);
      return id;
    },
    done: (d) => {
      const id = d.arrive(appointment('m', 'eps', T0));
      d.act(id, { type: 'end' }, supervisor);
      return id;
    },
    left: (d) => {
      const id = d.arrive(appointment('m', 'eps', T0));
      d.act(id, { type: 'leave' }, christelle);
      return id;
    },
    no_show: (d) => {
      const id = reach.expected(d);
      d.act(id, { type: 'no_show' }, christelle);
      return id;
    },
    cancelled: (d) => {
      const id = reach.expected(d);
      d.ok({ type: 'withdraw', appointmentId: appointment('m', 'eps', T0).id }, system);
      return id;
    },
  };
  const allowed: Record<string, VisitState[]> = {
    call: ['waiting'],
    recall: ['called'],
    requeue: ['called'],
    start: ['called'],
    finish: ['in_care'],
    away: ['arrived', 'waiting'],
    back: ['away'],
    leave: ['arrived', 'waiting', 'called', 'in_care', 'away'],
    no_show: ['expected'],
  };
  const actions: Record<string, VisitAction> = {
    call: { type: 'call' },
    recall: { type: 'recall' },
    requeue: { type: 'requeue' },
    start: { type: 'start' },
    finish: { type: 'finish' },
    away: { type: 'away', reason: 'dehors' },
    back: { type: 'back' },
    leave: { type: 'leave' },
    no_show: { type: 'no_show' },
  };
  for (const state of Object.keys(reach) as VisitState[]) {
    for (const [name, action] of Object.entries(actions)) {
      const ok = allowed[name]?.includes(state) ?? false;
      it(`${name} from ${state} → ${ok ? 'accepted' : 'refused'}`, () => {
        const day = new Day();
        const id = reach[state](day);
        expect(day.visit(id).state).toBe(state);
        const before = day.state;
        const r = day.act(id, action, christelle);
        expect(r.ok).toBe(ok);
        if (!r.ok) {
          expect(['invalid_state', 'forbidden']).toContain(r.error.code);
          expect(r.error.message.length).toBeGreaterThan(5);
          expect(day.state).toBe(before);
        }
      });
    }
  }
});
