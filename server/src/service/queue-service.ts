/**
 * The queue service: holds the configuration and today's state in memory,
 * runs each command through the pure engine, commits the result in ONE
 * SQLite transaction, and only then swaps the state and publishes.
 * Everything is synchronous, so commands are naturally serialized.
 */
import { randomUUID } from 'node:crypto';
import type { CentreConfig, DomainEvent, Id } from '@gfa/shared';
import { apply, type Actor, type DayState, type EngineCommand, type EngineResult } from '../domain/index.js';
import { appointmentsOfDay } from '../db/appointment-store.js';
import { loadConfig } from '../db/config-store.js';
import type { Db } from '../db/database.js';
import { commitTransition, loadDay } from '../db/day-store.js';
import { localDay } from './local-day.js';

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
    this.expectAppointments();
  }

  onCommitted(listener: (c: Committed) => void): void {
    this.listeners.push(listener);
  }

  /** Today's state; rolls over to a new day when the date changes. */
  state(): DayState {
    const today = localDay(this.now());
    if (today !== this.day.day) {
      this.day = loadDay(this.db, today);
      this.expectAppointments();
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
  execute(command: EngineCommand, actor: Actor, extra?: (tx: Db, next: DayState) => void): ServiceResult {
    const now = this.now();
    const result = apply(this.state(), command, { now, actor, config: this.config, newId: this.newId });
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

  /** Q-ARRIVE-1: every scheduled appointment of today has its expected visit. */
  expectAppointments(): void {
    const known = new Set(Object.values(this.day.visits).map((v) => v.appointmentId));
    for (const appointment of appointmentsOfDay(this.db, this.day.day)) {
      if (appointment.status === 'scheduled' && !known.has(appointment.id)) {
        this.execute({ type: 'expect', appointment }, SYSTEM_ACTOR);
      }
    }
  }
}
