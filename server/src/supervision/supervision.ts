/** Assembles the supervisor's board from the day's visits, desks and journal. */
import type { CentreConfig, Desk, JournalEntry, Millis, SupervisionDto, Visit } from '@gfa/shared';
import type { Forecast } from '../domain/index.js';
import { evaluateAlerts } from './alerts.js';
import {
  categoryFigures,
  consultantRows,
  dayTotals,
  endOfDaySummary,
  professionalRows,
  reasonFigures,
} from './figures.js';
import { readJournal } from './journal-facts.js';

export interface SupervisionInputs {
  readonly day: string;
  readonly config: CentreConfig;
  readonly visits: readonly Visit[];
  readonly desks: readonly Desk[];
  readonly journal: readonly JournalEntry[];
  readonly now: Millis;
  /** The throttled forecast of the rest of the day (predictive alerts), if any. */
  readonly forecast?: Forecast | null;
}

export function supervision(inputs: SupervisionInputs): SupervisionDto {
  const { config, visits, desks, now } = inputs;
  const facts = readJournal(inputs.journal);
  const journeyEnd = (visitId: string) => inputs.forecast?.visits[visitId]?.journeyEndAt ?? null;
  const consultants = consultantRows(visits, facts, now).map((row) => ({
    ...row,
    // Q-FORECAST-1: the journeys still in progress only.
    expectedEndAt: row.status === 'in_journey' || row.status === 'away' ? journeyEnd(row.visitId) : null,
  }));
  const professionals = professionalRows(config, visits, desks, facts, now);
  return {
    day: inputs.day,
    at: now,
    consultants,
    professionals,
    categories: categoryFigures(config, facts, now),
    reasons: reasonFigures(config, visits, facts),
    totals: dayTotals(visits, facts, now),
    alerts: evaluateAlerts({
      config,
      visits,
      consultants,
      professionals,
      acknowledged: facts.acknowledged,
      now,
      forecast: inputs.forecast ?? null,
    }),
    summary: endOfDaySummary(professionals, visits, facts, now),
  };
}
