/**
 * The queue service: holds the configuration and today's state in memory,
 * runs each command through the pure engine, commits the result in ONE
 * SQLite transaction, and only then swaps the state and publishes.
 * Everything is synchronous, so commands are naturally serialized.
 */
import { randomUUID } from 'node:crypto';
import type { Appointment, CentreConfig, DomainEvent, Id, Visit } from '@gfa/shared';
import { apply, type Actor, type DayState, type EngineCommand, type EngineResult } from '../domain/index.js';
import { appointmentsOfDay } from '../db/appointment-store.js';
import { loadConfig } from '../db/config-store.js';
import type { Db } from '../db/database.js';
import { commitTransition, loadDay } from '../db/day-store.js';
import { CENTRE_DISPATCHER } from './dispatcher.js';
import { localDay } from '../calendar/local-time.js';
import type { Tx } from '../db/tx.js';

export const SYSTEM_ACTOR: Actor = { ref: { kind: 'system', id: 'system' }, roles: [], professionalId: null };

/** What was committed, handed to the publishers (WS hub). */
export interface Committed {
  readonly state: DayState;
  readonly config: CentreConfig;
  readonly events: readonly (DomainEvent & { seq: number })[];
  readonly changedVisitIds: readonly Id[];
}

export type ServiceResult =
  (Extract<EngineResult, { ok: true }> & { seqs: number[] }) | Extract<EngineResult, { ok: false }>;

export class QueueService {
  private config: CentreConfig;
  private day: DayState;
  private readonly listeners: ((c: Committed) => void)[] = [];

  constructor(
    private readonly db: Db,
    readonly now: () => number,
    private readonly newId: () => Id = randomUUID,
  ) {
    this.config = loadConfig(db);
    this.day = loadDay(db, localDay(now()));
    this.syncAppointments();
  }

  onCommitted(listener: (c: Committed) => void): void {
    this.listeners.push(listener);
  }

  /** Today's state; rolls over to a new day when the date changes. */
  state(): DayState {
    const today = localDay(this.now());
    if (today !== this.day.day) {
      this.day = loadDay(this.db, today);
      this.syncAppointments();
    }
    return this.day;
  }

  centre(): CentreConfig {
    return this.config;
  }

  /** Re-read the configuration after an administrator's change. */
  reloadConfig(): void {
    this.config = loadConfig(this.db);
  }

  /** `extra` runs inside the same transaction, with the state the command leads to. */
  execute(command: EngineCommand, actor: Actor, extra?: (tx: Tx, next: DayState) => void): ServiceResult {
    const now = this.now();
    const result = apply(this.state(), command, {
      now,
      actor,
      config: this.config,
      newId: this.newId,
      dispatcher: CENTRE_DISPATCHER,
    });
    if (!result.ok) return result;
    if (result.events.length === 0 && !extra) return { ...result, seqs: [] };
    const seqs = commitTransition(this.db, result, extra && ((tx) => extra(tx, result.state)));
    this.day = result.state;
    const committed: Committed = {
      state: result.state,
      config: this.config,
      events: result.events.map((e, i) => ({ ...e, seq: seqs[i] as number })),
      changedVisitIds: result.changedVisitIds,
    };
    for (const listener of this.listeners) listener(committed);
    return { ...result, seqs };
  }

  /**
   * Brings today's expected visits in line with the appointments (Q-ARRIVE-1,
   * Q-ARRIVE-4): new ones are expected, cancelled ones withdrawn, changed ones
   * withdrawn and expected anew. Arrived consultants are never touched.
   */
  syncAppointments(): void {
    const live = new Map(
      Object.values(this.day.visits)
        .filter((v) => v.state !== 'cancelled' && v.appointmentId !== null)
        .map((v) => [v.appointmentId as string, v]),
    );
    for (const appointment of appointmentsOfDay(this.db, this.day.day)) {
      const visit = live.get(appointment.id);
      const stale =
        visit?.state === 'expected' &&
        (appointment.status === 'cancelled' || !sameAppointment(visit, appointment));
      if (stale) this.execute({ type: 'withdraw', appointmentId: appointment.id }, SYSTEM_ACTOR);
      if (appointment.status === 'scheduled' && (!visit || stale)) {
        this.execute({ type: 'expect', appointment }, SYSTEM_ACTOR);
      }
    }
  }
}

/** Whether an expected visit still says what its appointment says. */
function sameAppointment(visit: Visit, appointment: Appointment): boolean {
  const [a, b] = [visit.identity, appointment.identity];
  return (
    visit.appointmentAt === appointment.at &&
    visit.reasonId === appointment.reasonId &&
    visit.appointmentProfessionalId === appointment.professionalId &&
    a.civility === b.civility &&
    a.firstName === b.firstName &&
    a.lastName === b.lastName &&
    a.birthDate === b.birthDate
  );
}
