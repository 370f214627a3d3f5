/**
 * Which of a rule's settings each kind of alert honours: the evaluator
 * (`server/src/supervision/alerts.ts`) applies exactly these, and the rules
 * screen offers only these (a category picker on a kind that ignores the
 * category would be a setting that does nothing).
 */
import type { AlertKind, AlertRule } from './model.js';

export type AlertFilter = 'threshold' | 'reason' | 'category';

export const ALERT_KIND_FILTERS = {
  wait_too_long: ['threshold', 'reason', 'category'],
  journey_too_long: ['threshold', 'reason'],
  idle_too_long: ['threshold', 'category'],
  self_sample_not_received: ['threshold'],
  called_not_arrived: ['threshold'],
  expected_late: ['threshold', 'reason'],
} as const satisfies Record<AlertKind, readonly AlertFilter[]>;

export const honours = (kind: AlertKind, filter: AlertFilter): boolean =>
  (ALERT_KIND_FILTERS[kind] as readonly AlertFilter[]).includes(filter);

/** The rule as its kind reads it: a scope the kind does not honour is cleared (it would do nothing). */
export const honouredScope = (rule: AlertRule): AlertRule => ({
  ...rule,
  reasonId: honours(rule.kind, 'reason') ? rule.reasonId : null,
  categoryId: honours(rule.kind, 'category') ? rule.categoryId : null,
});
