import { describe, expect, it } from 'vitest';
import { journeyComplete, readySteps } from '../../src/domain/index.js';
import { Day, T0, appointment, staff, supervisor } from './fixtures.js';

describe('journeys', () => {
  it('Q-STEP-1: precedence — doctor last in EPS Constances', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'epsc', T0));
    day.care(id, 'christelle');
    expect(readySteps(day.visit(id)).map((s) => s.key)).toEqual(['infirmier', 'preleveur']);
    day.care(id, 'carole');
    expect(readySteps(day.visit(id)).map((s) => s.key)).toEqual(['preleveur']);
    const early = day.act(id, { type: 'call' }, staff('luc'));
    expect(early.ok ? null : early.error.code).toBe('forbidden');
    day.care(id, 'patrick');
    expect(readySteps(day.visit(id)).map((s) => s.key)).toEqual(['medecin']);
    day.care(id, 'luc');
    expect(day.visit(id).state).toBe('done');
  });

  it('Q-STEP-2: optional steps do not hold the consultant back', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    for (const who of ['christelle', 'luc', 'carole', 'patrick']) day.care(id, who);
    const visit = day.visit(id);
    expect(visit.steps.find((s) => s.key === 'dentiste')?.status).toBe('todo');
    expect(journeyComplete(visit)).toBe(true);
    expect(visit.state).toBe('done');
    expect(visit.endedAt).toBe(day.now);
  });

  it('Q-STEP-3 / Q-ACT-4: a step added at finish is ready at once and must be done', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.care(id, 'christelle');
    day.care(id, 'luc', {
      type: 'finish',
      addSteps: [
        {
          label: 'Diététicien',
          target: { kind: 'category', categoryId: 'dieteticien' },
          estimatedMinutes: 20,
        },
      ],
    });
    const added = day.visit(id).steps.find((s) => s.added);
    expect(added).toMatchObject({ label: 'Diététicien', after: [], status: 'todo' });
    expect(readySteps(day.visit(id)).map((s) => s.label)).toContain('Diététicien');
    day.care(id, 'carole');
    day.care(id, 'patrick');
    expect(day.visit(id).state).toBe('waiting');
    day.care(id, 'diane');
    expect(day.visit(id).state).toBe('done');
  });

  it('Q-ACT-4: finish restarts the waiting time for the next step', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    day.care(id, 'christelle');
    expect(day.visit(id).readySince).toBe(day.now);
    expect(day.visit(id).state).toBe('waiting');
  });

  it('Q-ACT-5: optional step skipped by staff, mandatory only by a supervisor', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eps', T0));
    const steps = day.visit(id).steps;
    const dentist = steps.find((s) => s.key === 'dentiste')?.id as string;
    const doctor = steps.find((s) => s.key === 'medecin')?.id as string;
    expect(day.act(id, { type: 'skip_step', stepId: dentist }, staff('christelle')).ok).toBe(true);
    expect(day.stepStatus(id, 'dentiste')).toBe('skipped');
    const refused = day.act(id, { type: 'skip_step', stepId: doctor }, staff('christelle'));
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
    expect(day.act(id, { type: 'skip_step', stepId: doctor }, supervisor).ok).toBe(true);
    expect(day.stepStatus(id, 'medecin')).toBe('skipped');
  });

  it('Q-ACT-5: skipping the last remaining mandatory step ends the journey', () => {
    const day = new Day();
    const id = day.arrive(appointment('a1', 'eip', T0));
    const only = day.visit(id).steps[0]?.id as string;
    day.act(id, { type: 'skip_step', stepId: only }, supervisor);
    expect(day.visit(id).state).toBe('done');
  });
});
