/** Journey steps: instantiation from a template and readiness from precedence constraints. */
import type { AddedStep, Id, JourneyTemplate, StepInstance, Visit } from '@gfa/shared';

/** The progress fields of a step that has not started yet. */
const NOT_STARTED = {
  status: 'todo',
  professionalId: null,
  roomId: null,
  calledAt: null,
  callCount: 0,
  startedAt: null,
  endedAt: null,
} as const;

export function instantiateSteps(template: JourneyTemplate, newId: () => Id): StepInstance[] {
  return template.steps.map((step) => ({
    id: newId(),
    key: step.key,
    label: step.label,
    target: step.target,
    estimatedMinutes: step.estimatedMinutes,
    after: [...step.after],
    optional: step.optional,
    added: false,
    ...(step.group && { group: { ...step.group } }),
    ...NOT_STARTED,
  }));
}

/** Q-STEP-3: a step added during the visit has no precedence constraint. */
export function addedStep(spec: AddedStep, newId: () => Id, existing: readonly StepInstance[]): StepInstance {
  return {
    id: newId(),
    key: uniqueKey(`added-${spec.label}`, existing),
    label: spec.label,
    target: spec.target,
    estimatedMinutes: spec.estimatedMinutes,
    after: [],
    optional: false,
    added: true,
    ...NOT_STARTED,
  };
}

function uniqueKey(base: string, existing: readonly StepInstance[]): string {
  const taken = new Set(existing.map((s) => s.key));
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

const settled = (s: StepInstance): boolean => s.status === 'done' || s.status === 'skipped';

/** Q-STEP-1: a step is ready when it is todo and every step it comes after is done or skipped. */
export function readySteps(visit: Visit): StepInstance[] {
  const byKey = new Map(visit.steps.map((s) => [s.key, s]));
  return visit.steps.filter(
    (step) =>
      step.status === 'todo' &&
      step.after.every((key) => {
        const before = byKey.get(key);
        return before === undefined || settled(before);
      }),
  );
}

/** Q-STEP-2: the journey is complete when no non-optional step remains to do. */
export function journeyComplete(visit: Visit): boolean {
  return visit.steps.every((s) => settled(s) || (s.optional && s.status === 'todo'));
}

/** The step a professional is currently busy with (called or in care), if any. */
export function activeStep(visit: Visit): StepInstance | undefined {
  return visit.steps.find((s) => s.status === 'called' || s.status === 'in_care');
}
