/**
 * Each alert rule fires, and stops firing, at the right minute of a
 * simulated clock (the engine driven by RecordingDay; minutes after T0).
 */
import { describe, expect, it } from 'vitest';
import type { AlertRule } from '@gfa/shared';
import { T0, appointment, makeConfig, min, staff } from '../domain/fixtures.js';
import { RecordingDay, rule } from './recording-day.js';

function dayWith(...rules: AlertRule[]): RecordingDay {
  return new RecordingDay(makeConfig({ alertRules: rules }));
}
const kiosk = { ref: { kind: 'device' as const, id: 'borne' }, roles: [], professionalId: null };
function arrive(day: RecordingDay, id: string, reason: string, appointmentAt: number, at: number): string {
  const visitId = day
    .at(0)
    .ok({ type: 'expect', appointment: appointment(id, reason, T0 + min(appointmentAt)) }, staff('system'))
    .visitId as string;
  if (at >= 0) day.at(at).ok({ type: 'check_in', visitId }, kiosk);
  return visitId;
}
const kinds = (day: RecordingDay, at: number): string[] => day.board(at).alerts.map((a) => a.kind);

describe('alert rules on a simulated clock', () => {
  it('wait too long: fires at the threshold, stops when the consultant is called', () => {
    const day = dayWith(rule('wait_too_long', 20));
    const a = arrive(day, 'A', 'eps', 0, 5);
    expect(kinds(day, 24)).toEqual([]);
    expect(kinds(day, 25)).toEqual(['wait_too_long']);
    expect(day.board(25).alerts[0]?.visitId).toBe(a);
    day.step(a, 'christelle', 30, null, null);
    expect(kinds(day, 30)).toEqual([]);
  });

  it('wait too long, scoped: by reason, and by the category queue the consultant waits in', () => {
    const byReason = dayWith(rule('wait_too_long', 20, { reasonId: 'epsc' }));
    arrive(byReason, 'A', 'eps', 0, 0);
    expect(kinds(byReason, 40)).toEqual([]);
    arrive(byReason, 'C', 'epsc', 0, 0);
    expect(kinds(byReason, 40)).toEqual(['wait_too_long']);
    const byQueue = dayWith(rule('wait_too_long', 20, { categoryId: 'medecin' }));
    const a = arrive(byQueue, 'A', 'eps', 0, 0);
    expect(kinds(byQueue, 40)).toEqual([]); // waits for the admin desk, not the doctors
    byQueue.step(a, 'christelle', 41, 42, 50);
    expect(kinds(byQueue, 69)).toEqual([]);
    expect(kinds(byQueue, 70)).toEqual(['wait_too_long']); // ready for the doctor since 50
  });

  it('journey too long: fires at the threshold after arrival, stops when the journey ends', () => {
    const day = dayWith(rule('journey_too_long', 60, { reasonId: 'psy' }));
    const p = arrive(day, 'P', 'psy', 0, 0);
    arrive(day, 'A', 'eps', 0, 0);
    expect(kinds(day, 59)).toEqual([]);
    expect(day.board(60).alerts.map((x) => x.visitId)).toEqual([p]);
    day
      .at(70)
      .ok(
        { type: 'visit', visitId: p, action: { type: 'end', reason: 'parcours écourté' } },
        staff('virginie', ['supervisor'], false),
      );
    expect(kinds(day, 70)).toEqual([]);
  });

  it('professional idle too long: fires after the threshold of idleness, stops at the next call', () => {
    const day = dayWith(rule('idle_too_long', 30, { categoryId: 'medecin' }));
    day.at(0).available('luc');
    day.at(0).available('christelle');
    expect(kinds(day, 29)).toEqual([]);
    expect(day.board(30).alerts.map((a) => a.professionalId)).toEqual(['luc']); // Christelle is not a doctor
    const a = arrive(day, 'A', 'eps', 0, 31);
    day.step(a, 'christelle', 32, 33, 40);
    day.step(a, 'luc', 45, 46, null);
    expect(kinds(day, 45)).toEqual([]);
    expect(kinds(day, 120)).toEqual([]); // in care: not idle
  });

  it('self-sample not received: fires after the delay away, stops when the consultant is back', () => {
    const day = dayWith(rule('self_sample_not_received', 45));
    const a = arrive(day, 'A', 'eps', 0, 0);
    day
      .at(10)
      .ok(
        { type: 'visit', visitId: a, action: { type: 'away', reason: 'auto_prelevement' } },
        staff('carole'),
      );
    expect(kinds(day, 54)).toEqual([]);
    expect(kinds(day, 55)).toEqual(['self_sample_not_received']);
    day.at(60).ok({ type: 'visit', visitId: a, action: { type: 'back' } }, staff('carole'));
    expect(kinds(day, 60)).toEqual([]);
  });

  it('called but not arrived: fires after the delay, stops when the care starts', () => {
    const day = dayWith(rule('called_not_arrived', 5));
    const a = arrive(day, 'A', 'eps', 0, 0);
    day.step(a, 'christelle', 10, null, null);
    expect(kinds(day, 14)).toEqual([]);
    expect(kinds(day, 15)).toEqual(['called_not_arrived']);
    day.at(16).ok({ type: 'visit', visitId: a, action: { type: 'start' } }, staff('christelle'));
    expect(kinds(day, 16)).toEqual([]);
  });

  it('expected consultant late: fires after the appointment time plus the delay, stops at arrival', () => {
    const day = dayWith(rule('expected_late', 15));
    const a = arrive(day, 'A', 'eps', 30, -1);
    expect(kinds(day, 44)).toEqual([]);
    expect(kinds(day, 45)).toEqual(['expected_late']);
    expect(day.board(45).alerts[0]?.message).toMatch(/n’est pas arrivé/);
    day.at(50).ok({ type: 'check_in', visitId: a }, kiosk);
    expect(kinds(day, 50)).toEqual([]);
  });

  it('an acknowledgement silences that episode only; a new episode alerts again', () => {
    const day = dayWith(rule('wait_too_long', 20));
    const a = arrive(day, 'A', 'eps', 0, 0);
    const first = day.board(20).alerts[0];
    expect(first?.acknowledged).toBe(false);
    day.journal.push({
      seq: day.journal.length + 1,
      type: 'alert.acknowledged',
      at: T0 + min(21),
      actor: { kind: 'user', id: 'virginie' },
      visitId: a,
      stepId: null,
      professionalId: null,
      data: { key: first?.key },
    });
    expect(day.board(25).alerts[0]?.acknowledged).toBe(true);
    day.step(a, 'christelle', 30, 31, 40); // a new wait begins at 40
    expect(day.board(60).alerts[0]).toMatchObject({ acknowledged: false });
    expect(day.board(60).alerts[0]?.key).not.toBe(first?.key);
  });

  it('inactive rules raise nothing', () => {
    const day = dayWith({ ...rule('wait_too_long', 1), active: false });
    arrive(day, 'A', 'eps', 0, 0);
    expect(kinds(day, 100)).toEqual([]);
  });
});
