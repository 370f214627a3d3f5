/**
 * The administrator's alert rules applied to the day at `now`. An alert is
 * raised while its situation lasts; its key names the episode (the wait,
 * the call, the idle stretch...) so that an acknowledgement silences that
 * episode only, and a new episode alerts again. Pure.
 */
import {
  honouredScope,
  type ActiveAlert,
  type AlertRule,
  type CentreConfig,
  type ConsultantRow,
  type Millis,
  type ProfessionalRow,
  type Visit,
} from '@gfa/shared';
import { queuesOf, type Forecast } from '../domain/index.js';
import { clockLabel as clock } from './clock-label.js';
import { journeyForecast, waitForecast } from './predictive-alerts.js';
import { MINUTE, minutesBetween } from '../stats/percentiles.js';

export interface AlertInputs {
  readonly config: CentreConfig;
  readonly visits: readonly Visit[];
  readonly consultants: readonly ConsultantRow[];
  readonly professionals: readonly ProfessionalRow[];
  readonly acknowledged: ReadonlySet<string>;
  readonly now: Millis;
  /** The forecast of the rest of the day, when available: journey and wait rules then also warn ahead. */
  readonly forecast?: Forecast | null;
}

type Raised = Omit<ActiveAlert, 'ruleId' | 'kind' | 'acknowledged'>;

const reasonMatches = (rule: AlertRule, reasonId: string): boolean =>
  rule.reasonId === null || rule.reasonId === reasonId;

function nameOf(inputs: AlertInputs, visitId: string): string {
  return inputs.consultants.find((c) => c.visitId === visitId)?.name ?? 'Consultant';
}

function waitTooLong(rule: AlertRule, inputs: AlertInputs): Raised[] {
  return inputs.visits.flatMap((visit) => {
    const row = inputs.consultants.find((c) => c.visitId === visit.id);
    if (!row || row.waitingMinutes === null || row.waitingMinutes < rule.thresholdMinutes) return [];
    if (!reasonMatches(rule, visit.reasonId)) return [];
    if (
      rule.categoryId !== null &&
      !queuesOf(visit, inputs.config).some((q) => q.kind === 'category' && q.categoryId === rule.categoryId)
    )
      return [];
    const since = inputs.now - row.waitingMinutes * MINUTE;
    return [
      {
        key: `${rule.id}:${visit.id}:${visit.readySince ?? since}`,
        visitId: visit.id,
        professionalId: null,
        since,
        message: `${row.name} attend depuis ${row.waitingMinutes} min.`,
      },
    ];
  });
}

function journeyTooLong(rule: AlertRule, inputs: AlertInputs): Raised[] {
  return inputs.consultants.flatMap((row) =>
    (row.status === 'in_journey' || row.status === 'away') &&
    row.journeyMinutes !== null &&
    row.journeyMinutes >= rule.thresholdMinutes &&
    reasonMatches(rule, row.reasonId)
      ? [
          {
            key: `${rule.id}:${row.visitId}`,
            visitId: row.visitId,
            professionalId: null,
            since: row.arrivedAt ?? inputs.now,
            message: `Parcours de ${row.name} en cours depuis ${row.journeyMinutes} min.`,
          },
        ]
      : [],
  );
}

function idleTooLong(rule: AlertRule, inputs: AlertInputs): Raised[] {
  return inputs.professionals.flatMap((row) => {
    if (row.idleSinceMinutes === null || row.idleSinceMinutes < rule.thresholdMinutes) return [];
    const professional = inputs.config.professionals.find((p) => p.id === row.professionalId);
    if (rule.categoryId !== null && !professional?.categoryIds.includes(rule.categoryId)) return [];
    const since = inputs.now - row.idleSinceMinutes * MINUTE;
    return [
      {
        key: `${rule.id}:${row.professionalId}:${Math.round(since / MINUTE)}`,
        visitId: null,
        professionalId: row.professionalId,
        since,
        message: `${row.name} est disponible sans consultant depuis ${row.idleSinceMinutes} min.`,
      },
    ];
  });
}

function selfSampleNotReceived(rule: AlertRule, inputs: AlertInputs): Raised[] {
  return inputs.visits.flatMap((visit) =>
    visit.away?.reason === 'auto_prelevement' &&
    inputs.now - visit.away.since >= rule.thresholdMinutes * MINUTE
      ? [
          {
            key: `${rule.id}:${visit.id}:${visit.away.since}`,
            visitId: visit.id,
            professionalId: null,
            since: visit.away.since,
            message: `Auto-prélèvement de ${nameOf(inputs, visit.id)} non reçu après ${minutesBetween(visit.away.since, inputs.now)} min.`,
          },
        ]
      : [],
  );
}

function calledNotArrived(rule: AlertRule, inputs: AlertInputs): Raised[] {
  return inputs.visits.flatMap((visit) =>
    visit.steps
      .filter(
        (s) =>
          s.status === 'called' &&
          s.calledAt !== null &&
          inputs.now - s.calledAt >= rule.thresholdMinutes * MINUTE,
      )
      .map((s) => ({
        key: `${rule.id}:${s.id}:${s.callCount}`,
        visitId: visit.id,
        professionalId: s.professionalId,
        since: s.calledAt as number,
        message: `${nameOf(inputs, visit.id)} appelé(e) il y a ${minutesBetween(s.calledAt as number, inputs.now)} min ne s’est pas présenté(e).`,
      })),
  );
}

function expectedLate(rule: AlertRule, inputs: AlertInputs): Raised[] {
  return inputs.visits.flatMap((visit) =>
    visit.state === 'expected' &&
    visit.appointmentAt !== null &&
    reasonMatches(rule, visit.reasonId) &&
    inputs.now - visit.appointmentAt >= rule.thresholdMinutes * MINUTE
      ? [
          {
            key: `${rule.id}:${visit.id}`,
            visitId: visit.id,
            professionalId: null,
            since: visit.appointmentAt,
            message: `${nameOf(inputs, visit.id)} attendu(e) à ${clock(visit.appointmentAt)} n’est pas arrivé(e).`,
          },
        ]
      : [],
  );
}

/** The rule's alert now, and the one the forecast foresees (when there is a forecast). */
function withForecast(
  now: (rule: AlertRule, inputs: AlertInputs) => Raised[],
  ahead: typeof journeyForecast,
): (rule: AlertRule, inputs: AlertInputs) => Raised[] {
  return (rule, inputs) => {
    const current = now(rule, inputs);
    if (!inputs.forecast) return current;
    const predicted = ahead(rule, {
      config: inputs.config,
      visits: inputs.visits,
      forecast: inputs.forecast,
      now: inputs.now,
      nameOf: (visitId) => nameOf(inputs, visitId),
    });
    const raisedFor = new Set(current.map((r) => r.visitId).filter((id) => id !== null));
    return [...current, ...predicted.filter((p) => p.visitId === null || !raisedFor.has(p.visitId))];
  };
}

const EVALUATORS: Record<AlertRule['kind'], (rule: AlertRule, inputs: AlertInputs) => Raised[]> = {
  wait_too_long: withForecast(waitTooLong, waitForecast),
  journey_too_long: withForecast(journeyTooLong, journeyForecast),
  idle_too_long: idleTooLong,
  self_sample_not_received: selfSampleNotReceived,
  called_not_arrived: calledNotArrived,
  expected_late: expectedLate,
};

export function evaluateAlerts(inputs: AlertInputs): ActiveAlert[] {
  return inputs.config.alertRules
    .filter((rule) => rule.active)
    .flatMap((rule) =>
      // A scope the kind does not declare is dropped here, so no evaluator can half-honour it.
      EVALUATORS[rule.kind](honouredScope(rule), inputs).map((raised) => ({
        ...raised,
        ruleId: rule.id,
        kind: rule.kind,
        acknowledged: inputs.acknowledged.has(raised.key),
      })),
    )
    .sort((a, b) => Number(a.acknowledged) - Number(b.acknowledged) || a.since - b.since);
}
