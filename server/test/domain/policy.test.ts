import { describe, expect, it } from 'vitest';
import { candidatesFor } from '../../src/domain/index.js';
import type { Dispatcher } from '../../src/domain/index.js';
import { Day, T0, appointment, makeConfig, min, staff } from './fixtures.js';

describe('default pick policy', () => {
  it('Q-PICK-5: EPS Constances before EPS when they arrive together', () => {
    const day = new Day();
    const eps = day.arrive(appointment('a1', 'eps', T0));
    const constances = day.arrive(appointment('a2', 'epsc', T0));
    const r = day.callNext('christelle');
    expect(r.ok && r.visitId).toBe(constances);
    expect(day.visit(eps).state).toBe('waiting');
  });

  it('Q-PICK-6: among equal priority, the longer wait first', () => {
    const day = new Day();
    const first = day.arrive(appointment('a1', 'eps', T0 + min(60)));
    day.advance(3);
    day.arrive(appointment('a2', 'eps', T0));
    const r = day.callNext('christelle');
    expect(r.ok && r.visitId).toBe(first);
  });

  it('Q-PICK-7: same wait and priority → earlier appointment first', () => {
    const day = new Day();
    day.arrive(appointment('a1', 'eps', T0 + min(30)));
    const earlier = day.arrive(appointment('a2', 'eps', T0));
    const r = day.callNext('christelle');
    expect(r.ok && r.visitId).toBe(earlier);
  });

  it('Q-PICK-8: full tie → lowest id, deterministic', () => {
    const day = new Day();
    const a = day.arrive(appointment('a1', 'eps', T0));
    const b = day.arrive(appointment('a2', 'eps', T0));
    const r = day.callNext('christelle');
    expect(r.ok && r.visitId).toBe([a, b].sort()[0]);
  });

  it('Q-PICK-2: a consultant waiting longer than maxWaitMinutes beats priority', () => {
    const day = new Day();
    const eps = day.arrive(appointment('a1', 'eps', T0));
    day.advance(50);
    day.arrive(appointment('a2', 'epsc', T0));
    const r = day.callNext('christelle');
    expect(r.ok && r.visitId).toBe(eps);
  });

  it('Q-PICK-4: my named queue before my category queue', () => {
    const day = new Day();
    const category = day.arrive(appointment('a1', 'eip', T0));
    day.advance(5);
    const named = day.arrive(appointment('a2', 'eip', T0, 'carole'));
    const r = day.callNext('carole');
    expect(r.ok && r.visitId).toBe(named);
    expect(day.visit(category).state).toBe('waiting');
  });

  it('Q-PICK-1: away, called and offered-to-others consultants are not candidates', () => {
    const day = new Day();
    const away = day.arrive(appointment('a1', 'eps', T0));
    const called = day.arrive(appointment('a2', 'eps', T0));
    const offered = day.arrive(appointment('a3', 'eps', T0));
    const free = day.arrive(appointment('a4', 'eps', T0));
    day.act(away, { type: 'away', reason: 'collation' }, staff('sophie'));
    day.act(called, { type: 'call' }, staff('sophie'));
    day.state = {
      ...day.state,
      visits: {
        ...day.state.visits,
        [offered]: { ...day.visit(offered), offer: { professionalId: 'sophie', stepId: 'x', at: T0 } },
      },
    };
    const ids = candidatesFor(day.state, day.config, 'christelle').map((c) => c.visit.id);
    expect(ids).toEqual([free]);
  });

  it('Q-PICK-3: the consultant offered to me comes before an older one', () => {
    const day = new Day();
    const older = day.arrive(appointment('a1', 'eps', T0));
    day.advance(2);
    const offered = day.arrive(appointment('a2', 'eps', T0));
    const v = day.visit(offered);
    day.state = {
      ...day.state,
      visits: {
        ...day.state.visits,
        [offered]: {
          ...v,
          offer: { professionalId: 'christelle', stepId: v.steps[0]?.id as string, at: day.now },
        },
      },
    };
    const r = day.callNext('christelle');
    expect(r.ok && r.visitId).toBe(offered);
    expect(day.visit(older).state).toBe('waiting');
  });

  it('Q-PICK-1: an inactive professional has no candidates', () => {
    const config = makeConfig();
    const day = new Day({
      ...config,
      professionals: config.professionals.map((p) => (p.id === 'christelle' ? { ...p, active: false } : p)),
    });
    day.arrive(appointment('a1', 'eps', T0));
    expect(candidatesFor(day.state, day.config, 'christelle')).toEqual([]);
  });

  it('Q-DISPATCH-1: the dispatcher is pluggable and the engine keeps its invariants', () => {
    // Youngest first, and greedy: it tries to give every consultant to the first professional.
    const youngestToAll: Dispatcher = (input) =>
      input.professionals.flatMap((free) =>
        [...free.candidates]
          .sort((a, b) => (b.visit.readySince ?? 0) - (a.visit.readySince ?? 0))
          .map((c) => ({ professionalId: free.professional.id, visitId: c.visit.id, stepId: c.step.id })),
      );
    const day = new Day(makeConfig({ policy: { maxWaitMinutes: 45, autoAssign: true } }), youngestToAll);
    const old = day.arrive(appointment('a1', 'eps', T0));
    day.advance(5);
    const young = day.arrive(appointment('a2', 'eps', T0));
    day.available('christelle');
    expect(day.visit(young).offer?.professionalId).toBe('christelle');
    expect(day.visit(old).offer).toBeNull();
    const r = day.callNext('sophie');
    expect(r.ok && r.visitId).toBe(old);
  });
});
