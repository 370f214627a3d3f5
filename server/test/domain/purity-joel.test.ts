import { describe, expect, it } from 'vitest';
import type { EngineCommand, Actor } from '../../src/domain/index.js';
import { apply, emptyDay, journeyAwareDispatcher, queueView } from '../../src/domain/index.js';
import { DAY, Day, T0, appointment, kiosk, makeConfig, min, staff, system } from './fixtures.js';

describe('purity', () => {
  it('Q-PURE-1: replaying the same commands gives deep-equal days', () => {
    const script: [EngineCommand, Actor, number][] = [
      [{ type: 'expect', appointment: appointment('a1', 'eps', T0) }, system, 0],
      [
        { type: 'desk', professionalId: 'christelle', action: { type: 'presence', state: 'available' } },
        staff('christelle'),
        1,
      ],
      [{ type: 'check_in', visitId: 'id1' }, kiosk, 2],
      [{ type: 'desk', professionalId: 'christelle', action: { type: 'call_next' } }, staff('christelle'), 3],
      [{ type: 'visit', visitId: 'id1', action: { type: 'start' } }, staff('christelle'), 4],
      [{ type: 'visit', visitId: 'id1', action: { type: 'finish' } }, staff('christelle'), 20],
    ];
    const replay = () => {
      let state = emptyDay(DAY);
      let n = 0;
      const events = [];
      for (const [command, actor, at] of script) {
        const r = apply(state, command, {
          now: T0 + min(at),
          actor,
          config: makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: true } }),
          newId: () => `id${++n}`,
        });
        if (!r.ok) throw new Error(r.error.detail);
        state = r.state;
        events.push(...r.events);
      }
      return { state, events };
    };
    const a = replay();
    expect(replay()).toEqual(a);
    expect(a.state.visits.id1?.steps[0]?.status).toBe('done');
  });

  it('Q-PURE-2: the input state is never mutated; changed ids are exact', () => {
    const day = new Day();
    const a = day.arrive(appointment('a1', 'eps', T0));
    const b = day.arrive(appointment('a2', 'eps', T0));
    const frozen = structuredClone(day.state);
    const before = day.state;
    const r = day.act(a, { type: 'call' }, staff('christelle'));
    expect(before).toEqual(frozen);
    expect(r.ok && r.changedVisitIds).toEqual([a]);
    expect(r.ok && r.state.visits[b]).toBe(before.visits[b]);
  });

  it('Q-JOURNAL-1: events carry who, when, visit, step and professional, never names', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const r = day.act(id, { type: 'call' }, staff('christelle'));
    if (!r.ok) throw new Error('call failed');
    expect(r.events).toEqual([
      {
        type: 'visit.called',
        at: T0,
        actor: { kind: 'user', id: 'christelle' },
        visitId: id,
        stepId: day.visit(id).steps[0]?.id,
        professionalId: 'christelle',
        data: { roomId: 'box1', queue: { kind: 'category', categoryId: 'admin' } },
      },
    ]);
    expect(JSON.stringify(r.events)).not.toContain('NOM-');
  });
});

describe('workstation view', () => {
  it('Q-VIEW-1: my queue and shared queues in policy order, with waiting minutes', () => {
    const day = new Day();
    const eip = day.arrive(appointment('a1', 'eip', T0, 'carole'));
    const eps = day.arrive(appointment('a2', 'eps', T0));
    day.care(eps, 'christelle');
    day.advance(7);
    const view = queueView(day.state, day.config, 'carole', day.now, journeyAwareDispatcher);
    expect(view.mine.map((e) => e.visitId)).toEqual([eip]);
    expect(view.shared.map((e) => e.visitId)).toEqual([eps]);
    expect(view.mine[0]?.waitedMinutes).toBe(18);
    expect(view.shared[0]?.waitedMinutes).toBe(7);
    expect(view.startedJourneys).toBe(2);
    expect(view.currentVisitId).toBeNull();
  });

  it('Q-VIEW-2: expected wait = what remains of my current care estimate', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.act(id, { type: 'call' }, staff('christelle'));
    day.act(id, { type: 'start' }, staff('christelle'));
    day.advance(6);
    const view = queueView(day.state, day.config, 'christelle', day.now, journeyAwareDispatcher);
    expect(view.currentVisitId).toBe(id);
    expect(view.expectedWaitMinutes).toBe(9);
    expect(queueView(day.state, day.config, 'luc', day.now, journeyAwareDispatcher).expectedWaitMinutes).toBe(
      0,
    );
  });
});

describe('desks', () => {
  it('Q-DESK-1: own presence only, supervisors may set anyone', () => {
    const day = new Day();
    const presence = { type: 'presence', state: 'available' } as const;
    const r = day.run({ type: 'desk', professionalId: 'luc', action: presence }, staff('christelle'));
    expect(r.ok ? null : r.error.code).toBe('forbidden');
    expect(
      day.run(
        { type: 'desk', professionalId: 'luc', action: presence },
        staff('virginie', ['supervisor'], false),
      ).ok,
    ).toBe(true);
    expect(day.state.desks.luc).toEqual({
      professionalId: 'luc',
      state: 'available',
      roomId: 'cab1',
      since: T0,
    });
  });

  it('Q-DESK-2: call next with nobody waiting says so in French', () => {
    const day = new Day();
    const r = day.callNext('luc');
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'not_found',
      message: 'Aucun consultant en attente pour vous.',
    });
  });
});

describe("Joël's day (annex scenario)", () => {
  it('EPS: kiosk → admin box → doctor (note + dietician) → nurse → lab → dietician → exit', () => {
    const day = new Day(makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: true } }));
    const joel = day.ok({ type: 'expect', appointment: appointment('joel', 'eps', T0) }, system)
      .visitId as string;
    day.available('christelle');
    day.ok({ type: 'check_in', visitId: joel }, kiosk);
    expect(day.visit(joel).offer?.professionalId).toBe('christelle');
    day.care(joel, 'christelle');
    day.available('luc');
    expect(day.visit(joel).offer?.professionalId).toBe('luc');
    day.act(joel, { type: 'call' }, staff('luc'));
    day.act(joel, { type: 'start' }, staff('luc'));
    day.act(joel, { type: 'note', text: 'À jeun depuis la veille' }, staff('luc'));
    day.act(
      joel,
      {
        type: 'finish',
        addSteps: [
          {
            label: 'Diététicien',
            target: { kind: 'category', categoryId: 'dieteticien' },
            estimatedMinutes: 20,
          },
        ],
      },
      staff('luc'),
    );
    day.care(joel, 'carole');
    expect(day.visit(joel).notes[0]?.text).toBe('À jeun depuis la veille');
    day.care(joel, 'patrick');
    expect(day.visit(joel).state).toBe('waiting');
    day.care(joel, 'diane');
    const v = day.visit(joel);
    expect(v.state).toBe('done');
    expect(v.steps.filter((s) => s.status === 'done').map((s) => s.professionalId)).toEqual([
      'christelle',
      'luc',
      'carole',
      'patrick',
      'diane',
    ]);
  });
});
