/** The engine driver of the domain tests, keeping the journal it produces. */
import type { AlertRule, JournalEntry, SupervisionDto } from '@gfa/shared';
import type { Actor, EngineCommand, EngineResult } from '../../src/domain/index.js';
import { supervision } from '../../src/supervision/supervision.js';
import { Day, T0, min, staff } from '../domain/fixtures.js';

export class RecordingDay extends Day {
  readonly journal: JournalEntry[] = [];
  override run(command: EngineCommand, actor: Actor): EngineResult {
    const result = super.run(command, actor);
    if (result.ok) for (const e of result.events) this.journal.push({ ...e, seq: this.journal.length + 1 });
    return result;
  }
  at(minutes: number): this {
    this.now = T0 + min(minutes);
    return this;
  }
  /** Call, start and finish at the given minutes after T0 (null: not yet). */
  step(visitId: string, who: string, call: number, start: number | null, finish: number | null): void {
    this.at(call).ok({ type: 'visit', visitId, action: { type: 'call' } }, staff(who));
    if (start === null) return;
    this.at(start).ok({ type: 'visit', visitId, action: { type: 'start' } }, staff(who));
    if (finish === null) return;
    this.at(finish).ok({ type: 'visit', visitId, action: { type: 'finish' } }, staff(who));
  }

  board(atMinutes: number): SupervisionDto {
    return supervision({
      day: this.state.day,
      config: this.config,
      visits: Object.values(this.state.visits),
      desks: Object.values(this.state.desks),
      journal: this.journal,
      now: T0 + min(atMinutes),
    });
  }
}

/** An active alert rule of the given kind and threshold, for every reason and category unless scoped. */
export const rule = (
  kind: AlertRule['kind'],
  thresholdMinutes: number,
  scope: Partial<AlertRule> = {},
): AlertRule => ({
  id: `r-${kind}`,
  kind,
  thresholdMinutes,
  reasonId: null,
  categoryId: null,
  active: true,
  ...scope,
});
