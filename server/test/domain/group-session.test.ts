import { describe, expect, it } from 'vitest';
import type { CentreConfig, GroupAction, Id } from '@gfa/shared';
import { groupSessions } from '../../src/domain/index.js';
import { Day, T0, appointment, makeConfig, staff, supervisor } from './fixtures.js';

/** The fixture centre with ETP collectif as a group session of 3, two facilitators (Carole, Diane, Patrick serve it). */
function groupConfig(autoAssign = true): CentreConfig {
  const base = makeConfig({ policy: { maxWaitMinutes: 45, autoAssign } });
  return {
    ...base,
    professionals: base.professionals.map((p) =>
      p.id === 'diane' || p.id === 'patrick' ? { ...p, reasonIds: ['etpc'] } : p,
    ),
    templates: base.templates.map((t) =>
      t.id === 'tpl-etpc'
        ? { ...t, steps: t.steps.map((s) => ({ ...s, group: { capacity: 3, facilitators: 2 } })) }
        : t,
    ),
  };
}

function groupDay(autoAssign = true): Day {
  const day = new Day(groupConfig(autoAssign));
  day.available('carole');
  day.available('diane');
  return day;
}

const group = (day: Day, professionalId: Id, action: GroupAction) =>
  day.run({ type: 'group', professionalId, action }, staff(professionalId));

function arriveMany(day: Day, n: number, from = 0): Id[] {
  return Array.from({ length: n }, (_, i) => {
    const id = day.arrive(appointment(`g${from + i}`, 'etpc', T0 + i * 60_000));
    day.advance(1);
    return id;
  });
}

function callGroup(day: Day, professionalId: Id = 'carole'): Id {
  const result = group(day, professionalId, { type: 'call' });
  if (!result.ok) throw new Error(result.error.detail);
  const session = groupSessions(day.state)[0];
  if (!session) throw new Error('no session');
  return session.id;
}

describe('group sessions', () => {
  it('Q-GROUP-1: the visit copies the group step, which is never offered nor called one by one', () => {
    const day = groupDay();
    const [id] = arriveMany(day, 1) as [Id];
    const step = day.visit(id).steps[0];
    expect(step?.group).toEqual({ capacity: 3, facilitators: 2 });
    expect(day.visit(id).state).toBe('waiting');
    expect(day.visit(id).offer).toBeNull();
    const next = day.callNext('carole');
    expect(next.ok).toBe(false);
    const single = day.act(id, { type: 'call' }, staff('carole'));
    expect(single.ok || single.error).toMatchObject({ code: 'invalid_state' });
    if (!single.ok) expect(single.error.message).toContain('Appeler le groupe');
  });

  it('Q-GROUP-1: one-by-one start, finish and recall are refused on a session participant', () => {
    const day = groupDay();
    const [id] = arriveMany(day, 1) as [Id];
    const sessionId = callGroup(day);
    for (const type of ['recall', 'start'] as const) {
      const refused = day.act(id, { type }, staff('carole'));
      expect(refused.ok).toBe(false);
    }
    expect(group(day, 'carole', { type: 'start', sessionId }).ok).toBe(true);
    const finish = day.act(id, { type: 'finish' }, staff('carole'));
    expect(finish.ok || finish.error.code).toBe('invalid_state');
  });

  it('Q-GROUP-2: one call takes up to capacity participants in wait order, one journal entry each', () => {
    const day = groupDay();
    const ids = arriveMany(day, 5);
    const before = day.state;
    const result = group(day, 'carole', { type: 'call' });
    if (!result.ok) throw new Error(result.error.detail);
    const called = result.events.filter((e) => e.type === 'visit.called');
    expect(called.map((e) => e.visitId)).toEqual(ids.slice(0, 3));
    const sessionId = called[0]?.data['sessionId'];
    expect(called.every((e) => e.data['sessionId'] === sessionId && e.data['participants'] === 3)).toBe(true);
    expect(result.changedVisitIds).toEqual(ids.slice(0, 3));
    for (const id of ids.slice(0, 3)) {
      expect(day.visit(id).state).toBe('called');
      expect(day.visit(id).steps[0]).toMatchObject({ professionalId: 'carole', roomId: 'soins1' });
    }
    expect(day.visit(ids[3] as Id).state).toBe('waiting');
    // Q-PURE-2: the state before the command is untouched.
    expect(before.visits[ids[0] as Id]?.state).toBe('waiting');
  });

  it('Q-GROUP-2: higher priority class first, then the longer wait', () => {
    const day = groupDay();
    const ids = arriveMany(day, 4);
    day.ok(
      { type: 'visit', visitId: ids[3] as Id, action: { type: 'priority', priorityClass: 5 } },
      supervisor,
    );
    const result = group(day, 'carole', { type: 'call' });
    if (!result.ok) throw new Error(result.error.detail);
    expect(result.events.filter((e) => e.type === 'visit.called').map((e) => e.visitId)).toEqual([
      ids[3],
      ids[0],
      ids[1],
    ]);
  });

  it('Q-GROUP-2: nobody waiting, or a facilitator already busy, is refused with a French message', () => {
    const day = groupDay();
    const none = group(day, 'carole', { type: 'call' });
    expect(none.ok || none.error).toMatchObject({ code: 'not_found' });
    arriveMany(day, 2);
    callGroup(day);
    const again = group(day, 'carole', { type: 'call' });
    expect(again.ok || again.error).toMatchObject({ code: 'conflict' });
    const stranger = group(day, 'luc', { type: 'call' });
    expect(stranger.ok || stranger.error).toMatchObject({ code: 'not_found' });
  });

  it('Q-GROUP-3: a latecomer joins the called session while there is room', () => {
    const day = groupDay();
    arriveMany(day, 2);
    const sessionId = callGroup(day);
    day.advance(3);
    const late = day.ok({ type: 'expect', appointment: appointment('late', 'etpc', T0) }, staff('sophie'));
    const joined = day.ok({ type: 'check_in', visitId: late.visitId as Id }, staff('sophie'));
    const call = joined.events.find((e) => e.type === 'visit.called');
    expect(call?.data).toMatchObject({ sessionId, late: true });
    expect(day.visit(late.visitId as Id).state).toBe('called');
    expect(groupSessions(day.state)[0]?.participants).toHaveLength(3);
    // Full: the next one waits.
    const fourth = arriveMany(day, 1, 10)[0] as Id;
    expect(day.visit(fourth).state).toBe('waiting');
  });

  it('Q-GROUP-4: start and finish move every participant, each routed onward, and free the facilitators', () => {
    const day = groupDay();
    const ids = arriveMany(day, 3);
    const sessionId = callGroup(day);
    day.advance(2);
    const started = group(day, 'carole', { type: 'start', sessionId });
    if (!started.ok) throw new Error(started.error.detail);
    expect(started.events.filter((e) => e.type === 'visit.care_started')).toHaveLength(3);
    expect(ids.map((id) => day.visit(id).state)).toEqual(['in_care', 'in_care', 'in_care']);
    day.advance(90);
    const finished = group(day, 'carole', { type: 'finish', sessionId });
    if (!finished.ok) throw new Error(finished.error.detail);
    const ends = finished.events.filter((e) => e.type === 'visit.care_finished');
    expect(ends.map((e) => e.data['durationMs'])).toEqual([90 * 60_000, 90 * 60_000, 90 * 60_000]);
    expect(ids.map((id) => day.visit(id).state)).toEqual(['done', 'done', 'done']);
    expect(groupSessions(day.state)).toEqual([]);
    // Free again: Carole may call the next group.
    arriveMany(day, 1, 20);
    expect(group(day, 'carole', { type: 'call' }).ok).toBe(true);
  });

  it('Q-GROUP-4: only a facilitator or a supervisor runs the session; recall calls the room again', () => {
    const day = groupDay();
    arriveMany(day, 2);
    const sessionId = callGroup(day);
    const stranger = day.run(
      { type: 'group', professionalId: 'luc', action: { type: 'start', sessionId } },
      staff('luc'),
    );
    expect(stranger.ok || stranger.error).toMatchObject({ code: 'forbidden' });
    const recall = group(day, 'carole', { type: 'recall', sessionId });
    if (!recall.ok) throw new Error(recall.error.detail);
    expect(recall.events.filter((e) => e.type === 'visit.recalled')).toHaveLength(2);
    const bySupervisor = day.run(
      { type: 'group', professionalId: 'carole', action: { type: 'start', sessionId } },
      supervisor,
    );
    expect(bySupervisor.ok).toBe(true);
  });

  it('Q-GROUP-4: an absent participant sent back alone leaves the session and waits again', () => {
    const day = groupDay();
    const ids = arriveMany(day, 2);
    const sessionId = callGroup(day);
    expect(day.act(ids[1] as Id, { type: 'requeue' }, staff('carole')).ok).toBe(true);
    expect(day.visit(ids[1] as Id).steps[0]?.session).toBeNull();
    expect(groupSessions(day.state)[0]?.participants.map((p) => p.visit.id)).toEqual([ids[0]]);
    expect(group(day, 'carole', { type: 'start', sessionId }).ok).toBe(true);
    expect(day.visit(ids[1] as Id).state).toBe('waiting');
  });

  it('Q-GROUP-5: after the start a latecomer waits for the next session', () => {
    const day = groupDay();
    arriveMany(day, 2);
    const sessionId = callGroup(day);
    group(day, 'carole', { type: 'start', sessionId });
    const late = arriveMany(day, 1, 30)[0] as Id;
    expect(day.visit(late).state).toBe('waiting');
    expect(groupSessions(day.state)[0]?.participants).toHaveLength(2);
  });

  it('Q-GROUP-5: after the last session of the day has started, latecomers go to reception', () => {
    const day = groupDay();
    const ids = arriveMany(day, 4);
    const sessionId = callGroup(day);
    const started = group(day, 'carole', { type: 'start', sessionId, last: true });
    if (!started.ok) throw new Error(started.error.detail);
    const sent = started.events.filter((e) => e.type === 'visit.sent_to_reception');
    expect(sent.map((e) => [e.visitId, e.data['cause']])).toEqual([[ids[3], 'no_next_session']]);
    expect(day.visit(ids[3] as Id).state).toBe('arrived');
    const later = arriveMany(day, 1, 40)[0] as Id;
    expect(day.visit(later).state).toBe('arrived');
  });

  it('Q-GROUP-6: a second facilitator joins, is then busy, and a third is refused', () => {
    const day = groupDay();
    const ids = arriveMany(day, 2);
    const sessionId = callGroup(day);
    const joined = group(day, 'diane', { type: 'join', sessionId });
    if (!joined.ok) throw new Error(joined.error.detail);
    expect(joined.events.map((e) => [e.type, e.visitId, e.professionalId])).toEqual([
      ['visit.facilitator_joined', ids[0], 'diane'],
      ['visit.facilitator_joined', ids[1], 'diane'],
    ]);
    expect(groupSessions(day.state)[0]?.facilitatorIds).toEqual(['carole', 'diane']);
    // Busy with the session: Diane calls nobody else and is offered nobody.
    const eps = day.arrive(appointment('p1', 'eps', T0));
    expect(day.visit(eps).offer?.professionalId).not.toBe('diane');
    const other = group(day, 'diane', { type: 'call' });
    expect(other.ok || other.error).toMatchObject({ code: 'conflict' });
    // She runs the session like the first facilitator.
    expect(group(day, 'diane', { type: 'start', sessionId }).ok).toBe(true);
    day.available('patrick');
    const third = group(day, 'patrick', { type: 'join', sessionId });
    expect(third.ok || third.error).toMatchObject({ code: 'conflict' });
    if (!third.ok) expect(third.error.message).toBe('Cette séance a déjà tous ses animateurs.');
  });

  it('Q-GROUP-6: joining a session of a queue one does not serve is refused', () => {
    const day = groupDay();
    day.available('luc');
    arriveMany(day, 1);
    const sessionId = callGroup(day);
    const refused = group(day, 'luc', { type: 'join', sessionId });
    expect(refused.ok || refused.error).toMatchObject({ code: 'forbidden' });
  });
});
