/**
 * Copy-on-write working state of one command: the input DayState is never
 * mutated; a visit or desk is cloned the first time a transition touches it,
 * which also records exactly what the storage adapter must rewrite.
 *
 * One exception, for the forward runs of the forecast and the simulator
 * (Q-FORECAST-2), which apply hundreds of commands in a row to states nobody
 * else holds: a state handed over by its only holder (`handOver`) has its
 * visits record changed in place — the visits in it are still copied, never
 * mutated — and put back as it was if the command fails. This saves copying
 * the day's whole record, and its index, at every command.
 */
import type { Desk, DomainEvent, DomainEventType, Id, StepInstance, Visit } from '@gfa/shared';
import type { DayState, EngineContext } from './types.js';
import { fail } from './domain-error.js';

/** Visits records whose only holder gave them up for the next command (see handOver). */
const handedOver = new WeakSet<object>();

/**
 * The caller will neither read nor apply anything to this state again: the
 * next command applied to it may change its records in place. Only the
 * caller's next `apply` may rely on it; `takeBack` cancels it.
 */
export function handOver(state: DayState): void {
  handedOver.add(state.visits);
}

/** Cancels a hand-over that no command took. */
export function takeBack(state: DayState): void {
  handedOver.delete(state.visits);
}

export class Draft {
  readonly visits: Record<Id, Visit>;
  /** The base's visits record is this draft's own (handed over): changed in place. */
  readonly ownsBase: boolean;
  /** In a taken-over record, each changed entry as it was before the command (undefined: created). */
  private readonly before = new Map<Id, Visit | undefined>();
  /** The base's desks until a command changes one (most change none): then a copy. */
  private ownDesks: Record<Id, Desk> | null = null;
  readonly changedVisits = new Set<Id>();
  /**
   * The visits handed out by `edit` or `create` since the day index last
   * re-read them (day-index.ts): a transition changes a visit right after
   * asking for it, before the next index read.
   */
  readonly touched = new Set<Id>();
  readonly changedDesks = new Set<Id>();
  readonly events: DomainEvent[] = [];

  constructor(
    readonly base: DayState,
    readonly ctx: EngineContext,
  ) {
    this.ownsBase = handedOver.delete(base.visits);
    this.visits = this.ownsBase ? (base.visits as Record<Id, Visit>) : { ...base.visits };
  }

  /** After a failed command on a taken-over record: the record as it was. */
  undo(): void {
    for (const [id, visit] of this.before) {
      if (visit) this.visits[id] = visit;
      else Reflect.deleteProperty(this.visits, id);
    }
  }

  get desks(): Readonly<Record<Id, Desk>> {
    return this.ownDesks ?? this.base.desks;
  }

  get now(): number {
    return this.ctx.now;
  }

  /** Read a visit (current draft value). */
  visit(id: Id): Visit {
    const visit = this.visits[id];
    if (!visit) fail('not_found', 'Consultant introuvable.', `visit ${id} not found`);
    return visit;
  }

  /** A mutable copy of the visit, registered as changed. */
  edit(id: Id): Visit {
    const current = this.visit(id);
    this.touched.add(id);
    if (this.changedVisits.has(id)) return current;
    const copy = cloneVisit(current);
    if (this.ownsBase) this.before.set(id, current);
    this.visits[id] = copy;
    this.changedVisits.add(id);
    return copy;
  }

  create(visit: Visit): Visit {
    if (this.ownsBase && !this.before.has(visit.id)) this.before.set(visit.id, this.visits[visit.id]);
    this.visits[visit.id] = visit;
    this.changedVisits.add(visit.id);
    this.touched.add(visit.id);
    return visit;
  }

  editDesk(professionalId: Id, init: () => Desk): Desk {
    const current = this.desks[professionalId];
    const copy = current ? { ...current } : init();
    this.ownDesks ??= { ...this.base.desks };
    this.ownDesks[professionalId] = copy;
    this.changedDesks.add(professionalId);
    return copy;
  }

  emit(
    type: DomainEventType,
    refs: { visit?: Visit; step?: StepInstance; professionalId?: Id | null },
    data: Record<string, unknown> = {},
  ): void {
    this.events.push({
      type,
      at: this.now,
      actor: this.ctx.actor.ref,
      visitId: refs.visit?.id ?? null,
      stepId: refs.step?.id ?? null,
      professionalId: refs.professionalId ?? refs.step?.professionalId ?? null,
      data,
    });
  }

  snapshot(): DayState {
    return { day: this.base.day, visits: this.visits, desks: this.desks };
  }
}

/**
 * A deep copy of everything a transition may mutate (the visit, its steps,
 * notes and checks); targets, identities and a step's `after` list are
 * replaced whole, never mutated, so they are shared. Much cheaper than
 * structuredClone, which dominated the cost of simulating a day.
 */
function cloneVisit(visit: Visit): Visit {
  return {
    ...visit,
    away: visit.away && { ...visit.away },
    offer: visit.offer && { ...visit.offer },
    steps: visit.steps.map((s) => ({ ...s })),
    notes: [...visit.notes],
    checks: [...visit.checks],
  };
}
