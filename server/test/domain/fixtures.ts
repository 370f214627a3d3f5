/** A small centre and helpers to drive the pure engine in tests. */
import type { Appointment, CentreConfig, Id, Role, StepTemplate, VisitAction } from '@gfa/shared';
import { apply, emptyDay } from '../../src/domain/index.js';
import type { Actor, DayState, Dispatcher, EngineCommand, EngineResult } from '../../src/domain/index.js';

export const DAY = '2026-11-24';
export const T0 = Date.parse('2026-11-24T08:00:00Z');
export const min = (n: number): number => n * 60_000;

const cat = (id: string): { id: string; code: string; label: string } => ({ id, code: id, label: id });
const step = (key: string, categoryId: string, after: string[] = [], optional = false): StepTemplate => ({
  key,
  label: key,
  target: { kind: 'category', categoryId },
  estimatedMinutes: 15,
  after,
  optional,
});

export function makeConfig(overrides: Partial<CentreConfig> = {}): CentreConfig {
  const pro = (id: string, categoryIds: string[], roomId: string | null, reasonIds: string[] = []) => ({
    id,
    displayName: id,
    categoryIds,
    reasonIds,
    roomId,
    active: true,
  });
  return {
    sites: [{ id: 'site', name: 'CES' }],
    categories: ['admin', 'medecin', 'infirmier', 'preleveur', 'dieteticien', 'psychologue', 'dentiste'].map(
      cat,
    ),
    rooms: ['box1', 'box2', 'cab1', 'cab2', 'soins1', 'labo1', 'diet1'].map((id) => ({
      id,
      siteId: 'site',
      label: id.toUpperCase(),
    })),
    professionals: [
      pro('christelle', ['admin'], 'box1'),
      pro('sophie', ['admin'], 'box2'),
      pro('luc', ['medecin'], 'cab1'),
      pro('marc', ['medecin'], 'cab2'),
      pro('carole', ['infirmier'], 'soins1', ['etpc']),
      pro('patrick', ['preleveur'], 'labo1'),
      pro('diane', ['dieteticien'], 'diet1'),
    ],
    reasons: [
      { id: 'eps', code: 'EPS', label: 'EPS', priorityClass: 1, active: true },
      { id: 'epsc', code: 'EPS_CONSTANCES', label: 'EPS Constances', priorityClass: 2, active: true },
      { id: 'eip', code: 'EIP', label: 'EIP', priorityClass: 1, active: true },
      { id: 'etpc', code: 'ETP_COLLECTIF', label: 'ETP collectif', priorityClass: 0, active: true },
      { id: 'psy', code: 'PSY', label: 'Psy', priorityClass: 0, active: true },
    ],
    templates: [
      {
        id: 'tpl-eps',
        reasonId: 'eps',
        version: 1,
        steps: [
          step('admin', 'admin'),
          step('medecin', 'medecin', ['admin']),
          step('infirmier', 'infirmier', ['admin']),
          step('preleveur', 'preleveur', ['admin']),
          step('dentiste', 'dentiste', ['admin'], true),
        ],
      },
      {
        id: 'tpl-epsc',
        reasonId: 'epsc',
        version: 3,
        steps: [
          step('admin', 'admin'),
          step('infirmier', 'infirmier', ['admin']),
          step('preleveur', 'preleveur', ['admin']),
          step('medecin', 'medecin', ['infirmier', 'preleveur']),
        ],
      },
      {
        id: 'tpl-eip',
        reasonId: 'eip',
        version: 1,
        steps: [
          {
            key: 'entretien',
            label: 'Entretien',
            target: { kind: 'appointment_professional', fallbackCategoryId: 'infirmier' },
            estimatedMinutes: 30,
            after: [],
            optional: false,
          },
        ],
      },
      {
        id: 'tpl-etpc',
        reasonId: 'etpc',
        version: 1,
        steps: [
          {
            key: 'seance',
            label: 'Séance',
            target: { kind: 'reason', reasonId: 'etpc' },
            estimatedMinutes: 90,
            after: [],
            optional: false,
          },
        ],
      },
      { id: 'tpl-psy', reasonId: 'psy', version: 1, steps: [step('psy', 'psychologue')] },
    ],
    policy: { maxWaitMinutes: 45, autoAssign: false },
    alertRules: [],
    openingHours: { days: [1, 2, 3, 4, 5], opens: '07:30', closes: '17:30' },
    ...overrides,
  };
}

export function appointment(
  id: string,
  reasonId: string,
  at: number,
  professionalId: Id | null = null,
): Appointment {
  return {
    id,
    externalId: null,
    reference: `RDV-${id}`,
    day: DAY,
    at,
    reasonId,
    professionalId,
    identity: { civility: 'M.', firstName: 'Joël', lastName: `NOM-${id}`, birthDate: '1961-04-12' },
    status: 'scheduled',
  };
}

export const staff = (id: string, roles: Role[] = ['user'], professional = true): Actor => ({
  ref: { kind: 'user', id },
  roles,
  professionalId: professional ? id : null,
});
export const supervisor = staff('virginie', ['user', 'supervisor'], false);
export const kiosk: Actor = { ref: { kind: 'device', id: 'kiosk-1' }, roles: [], professionalId: null };
export const system: Actor = { ref: { kind: 'system', id: 'system' }, roles: [], professionalId: null };

/** A mutable test driver around the pure engine with a virtual clock. */
export class Day {
  state: DayState = emptyDay(DAY);
  now = T0;
  private seq = 0;
  constructor(
    public config: CentreConfig = makeConfig(),
    public dispatcher?: Dispatcher,
  ) {}

  run(command: EngineCommand, actor: Actor): EngineResult {
    const result = apply(this.state, command, {
      now: this.now,
      actor,
      config: this.config,
      newId: () => `id${++this.seq}`,
      ...(this.dispatcher ? { dispatcher: this.dispatcher } : {}),
    });
    if (result.ok) this.state = result.state;
    return result;
  }

  ok(command: EngineCommand, actor: Actor): Extract<EngineResult, { ok: true }> {
    const result = this.run(command, actor);
    if (!result.ok) throw new Error(`unexpected failure: ${result.error.detail}`);
    return result;
  }

  act(visitId: Id, action: VisitAction, actor: Actor): EngineResult {
    return this.run({ type: 'visit', visitId, action }, actor);
  }

  /** Expected + checked-in visit for an appointment; returns its id. */
  arrive(appt: Appointment): Id {
    const id = this.ok({ type: 'expect', appointment: appt }, system).visitId as Id;
    this.ok({ type: 'check_in', visitId: id }, kiosk);
    return id;
  }

  available(professionalId: Id): void {
    this.ok(
      { type: 'desk', professionalId, action: { type: 'presence', state: 'available' } },
      staff(professionalId),
    );
  }

  callNext(professionalId: Id): EngineResult {
    return this.run({ type: 'desk', professionalId, action: { type: 'call_next' } }, staff(professionalId));
  }

  /** call → start → finish by one professional. */
  care(visitId: Id, professionalId: Id, finish: VisitAction = { type: 'finish' }): void {
    const who = staff(professionalId);
    const called = this.act(visitId, { type: 'call' }, who);
    if (!called.ok) throw new Error(called.error.detail);
    this.advance(1);
    if (!this.act(visitId, { type: 'start' }, who).ok) throw new Error('start failed');
    this.advance(10);
    const done = this.act(visitId, finish, who);
    if (!done.ok) throw new Error(done.error.detail);
  }

  advance(minutes: number): void {
    this.now += min(minutes);
  }

  visit(id: Id) {
    const v = this.state.visits[id];
    if (!v) throw new Error(`no visit ${id}`);
    return v;
  }

  stepStatus(id: Id, key: string): string | undefined {
    return this.visit(id).steps.find((s) => s.key === key)?.status;
  }
}
