/**
 * Each kind of alert honours exactly the filters it declares
 * (`ALERT_KIND_FILTERS`): a reason or category that matches nobody silences
 * a kind that declares it, and changes nothing for a kind that does not.
 */
import { describe, expect, it } from 'vitest';
import { ALERT_KIND_FILTERS, AlertKind, honours, type AlertRule } from '@gfa/shared';
import { T0, appointment, makeConfig, min, staff } from '../domain/fixtures.js';
import { RecordingDay, rule } from './recording-day.js';

const kiosk = { ref: { kind: 'device' as const, id: 'borne' }, roles: [], professionalId: null };

function arrive(day: RecordingDay, id: string, appointmentAt: number, at: number): string {
  const visitId = day
    .at(0)
    .ok({ type: 'expect', appointment: appointment(id, 'eps', T0 + min(appointmentAt)) }, staff('system'))
    .visitId as string;
  if (at >= 0) day.at(at).ok({ type: 'check_in', visitId }, kiosk);
  return visitId;
}

/** A day where the kind's alert is up at the minute returned (with a 10-minute threshold). */
const SCENARIOS: Record<AlertKind, (day: RecordingDay) => number> = {
  wait_too_long: (day) => (arrive(day, 'A', 0, 0), 15),
  journey_too_long: (day) => (arrive(day, 'A', 0, 0), 15),
  idle_too_long: (day) => (day.at(0).available('luc'), 15),
  self_sample_not_received: (day) => {
    const a = arrive(day, 'A', 0, 0);
    day
      .at(1)
      .ok(
        { type: 'visit', visitId: a, action: { type: 'away', reason: 'auto_prelevement' } },
        staff('carole'),
      );
    return 15;
  },
  called_not_arrived: (day) => {
    day.step(arrive(day, 'A', 0, 0), 'christelle', 1, null, null);
    return 15;
  },
  expected_late: (day) => (arrive(day, 'A', 0, -1), 15),
};

function raised(kind: AlertKind, scope: Partial<AlertRule>): boolean {
  const day = new RecordingDay(makeConfig({ alertRules: [rule(kind, 10, scope)] }));
  const at = SCENARIOS[kind](day);
  return day.board(at).alerts.some((a) => a.kind === kind);
}

describe('alert kinds honour the filters they declare', () => {
  for (const kind of AlertKind.options) {
    it(`${kind}: ${ALERT_KIND_FILTERS[kind].join(', ')}`, () => {
      expect(raised(kind, {})).toBe(true);
      expect(raised(kind, { reasonId: 'aucun-motif' })).toBe(!honours(kind, 'reason'));
      expect(raised(kind, { categoryId: 'aucune-categorie' })).toBe(!honours(kind, 'category'));
      expect(raised(kind, { thresholdMinutes: 600 })).toBe(!honours(kind, 'threshold'));
    });
  }
});
