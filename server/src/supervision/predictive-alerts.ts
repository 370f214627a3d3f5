/**
 * Predictive alerts (issue 17, item 5): the administrator's journey and wait
 * rules also fire *before* the limit is reached, when the forecast says it
 * will be, naming the likely bottleneck. Pure; the forecast is computed by
 * the caller (throttled, see forecast-cache.ts).
 */
import type { ActiveAlert, AlertRule, CentreConfig, Id, Millis, Visit } from '@gfa/shared';
import type { Forecast } from '../domain/index.js';
import { MINUTE } from '../stats/percentiles.js';
import { clockLabel as clock } from './clock-label.js';

type Raised = Omit<ActiveAlert, 'ruleId' | 'kind' | 'acknowledged'>;

export interface PredictiveInputs {
  readonly config: CentreConfig;
  readonly visits: readonly Visit[];
  readonly forecast: Forecast;
  readonly now: Millis;
  readonly nameOf: (visitId: Id) => string;
}

function categoryLabel(config: CentreConfig, id: Id | null): string | null {
  return id === null ? null : (config.categories.find((c) => c.id === id)?.label ?? null);
}

function because(config: CentreConfig, id: Id | null): string {
  const label = categoryLabel(config, id);
  return label ? ` Goulot probable : ${label}.` : '';
}

/** Closing time of the day of `now`, in the centre's local time. */
function closingOf(config: CentreConfig, now: Millis): Millis {
  const [h, m] = config.openingHours.closes.split(':').map(Number) as [number, number];
  const d = new Date(now);
  d.setHours(h, m, 0, 0);
  return d.getTime();
}

/** A journey forecast to exceed the rule's limit, or to end after closing, before it happens. */
export function journeyForecast(rule: AlertRule, inputs: PredictiveInputs): Raised[] {
  const closes = closingOf(inputs.config, inputs.now);
  return inputs.visits.flatMap((visit): Raised[] => {
    const predicted = inputs.forecast.visits[visit.id];
    if (!predicted?.journeyEndAt || visit.arrivedAt === null) return [];
    if (rule.reasonId !== null && rule.reasonId !== visit.reasonId) return [];
    const minutes = Math.round((predicted.journeyEndAt - visit.arrivedAt) / MINUTE);
    const alreadyOver = inputs.now - visit.arrivedAt >= rule.thresholdMinutes * MINUTE;
    const name = inputs.nameOf(visit.id);
    const cause = because(inputs.config, predicted.bottleneckCategoryId);
    const base = { visitId: visit.id, professionalId: null, since: inputs.now };
    if (minutes >= rule.thresholdMinutes && !alreadyOver) {
      return [
        {
          ...base,
          key: `${rule.id}:${visit.id}:prevu`,
          message: `Prévision : le parcours de ${name} durerait ${minutes} min (limite ${rule.thresholdMinutes} min), fin vers ${clock(predicted.journeyEndAt)}.${cause}`,
        },
      ];
    }
    if (predicted.journeyEndAt > closes && inputs.now < closes) {
      return [
        {
          ...base,
          key: `${rule.id}:${visit.id}:apres-fermeture`,
          message: `Prévision : le parcours de ${name} finirait vers ${clock(predicted.journeyEndAt)}, après la fermeture (${clock(closes)}).${cause}`,
        },
      ];
    }
    return [];
  });
}

/** A category whose forecast wait exceeds the rule's threshold. */
export function waitForecast(rule: AlertRule, inputs: PredictiveInputs): Raised[] {
  return Object.entries(inputs.forecast.categories).flatMap(([categoryId, f]): Raised[] => {
    if (rule.categoryId !== null && rule.categoryId !== categoryId) return [];
    if (rule.reasonId !== null || f.meanWaitMinutes < rule.thresholdMinutes) return [];
    const label = categoryLabel(inputs.config, categoryId) ?? categoryId;
    return [
      {
        key: `${rule.id}:${categoryId}:prevu`,
        visitId: null,
        professionalId: null,
        since: inputs.now,
        message: `Prévision : attente moyenne de ~${Math.round(f.meanWaitMinutes)} min en ${label} (seuil ${rule.thresholdMinutes} min) pour les ${f.calls} prochains appels.`,
      },
    ];
  });
}
