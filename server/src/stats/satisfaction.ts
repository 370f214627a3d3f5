/**
 * Satisfaction of a period (issue 17, item 7): the CSAT share (answers of 4
 * or 5) overall, per visit reason and per journey-time band, from the kiosk's
 * answers. Pure.
 */
import { JOURNEY_BANDS, type CentreConfig, type CsatFigures, type SatisfactionStats } from '@gfa/shared';

export interface Answer {
  readonly score: number;
  readonly reasonId: string | null;
  readonly journeyMinutes: number | null;
}

const SATISFIED_FROM = 4;

function csat(answers: readonly Answer[]): CsatFigures {
  const satisfied = answers.filter((a) => a.score >= SATISFIED_FROM).length;
  return {
    answers: answers.length,
    satisfied,
    csatPercent: answers.length === 0 ? null : Math.round((1000 * satisfied) / answers.length) / 10,
  };
}

/** The band of a journey time: the first whose upper bound it is under. */
export function journeyBand(minutes: number): (typeof JOURNEY_BANDS)[number]['id'] {
  return (JOURNEY_BANDS.find((b) => b.maxMinutes === null || minutes < b.maxMinutes) ?? JOURNEY_BANDS[3]).id;
}

export function satisfactionStats(answers: readonly Answer[], config: CentreConfig): SatisfactionStats {
  const reasonIds = [...new Set(answers.map((a) => a.reasonId))];
  const label = (id: string | null) =>
    id === null ? 'Sans convocation (anonyme)' : (config.reasons.find((r) => r.id === id)?.label ?? id);
  const timed = answers.filter((a) => a.journeyMinutes !== null);
  return {
    all: csat(answers),
    byReason: reasonIds
      .map((reasonId) => ({
        reasonId,
        label: label(reasonId),
        ...csat(answers.filter((a) => a.reasonId === reasonId)),
      }))
      .sort((a, b) =>
        a.reasonId === null ? 1 : b.reasonId === null ? -1 : a.label.localeCompare(b.label, 'fr'),
      ),
    byJourneyBand: JOURNEY_BANDS.map((b) => ({
      band: b.id,
      label: b.label,
      ...csat(timed.filter((a) => journeyBand(a.journeyMinutes as number) === b.id)),
    })),
  };
}
