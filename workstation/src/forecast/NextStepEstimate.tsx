/**
 * « Prochaine étape : Infirmier, attente estimée ~12 min » (issue 17, item 4),
 * for reception and for the professional who has just finished a care.
 */
import type { CentreConfig, VisitDto } from '@gfa/shared';
import { minutesUntil } from '../format.js';
import { whereNext } from '../where-next.js';
import { useVisitForecasts } from './visit-forecasts.js';

export function nextStepText(
  visit: VisitDto,
  config: CentreConfig,
  nextCareAt: number | null,
  now: number,
): string | null {
  const next = whereNext(visit, config);
  if (next.kind !== 'queues' || visit.state === 'called' || visit.state === 'in_care') return null;
  const places = next.places.join(' ou ');
  return nextCareAt === null
    ? `Prochaine étape : ${places}, attente non estimée`
    : `Prochaine étape : ${places}, attente estimée ${minutesUntil(nextCareAt, now)}`;
}

export function NextStepEstimate({
  visit,
  config,
}: {
  readonly visit: VisitDto;
  readonly config: CentreConfig;
}) {
  const forecast = useVisitForecasts((s) => s.visits[visit.id]);
  const at = useVisitForecasts((s) => s.at);
  if (at === null) return null;
  const text = nextStepText(visit, config, forecast?.nextCareAt ?? null, Math.max(at, Date.now()));
  return text ? (
    <span className="ws-next-step" data-testid="next-step">
      {text}
    </span>
  ) : null;
}
