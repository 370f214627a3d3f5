/**
 * Q-OFFER-3: the assignment round reads the day's index (live visits by
 * queue, updated from what each command changed); on whole simulated days it
 * must give exactly what a scan of every visit gives.
 */
import { describe, expect, it } from 'vitest';
import type { CentreConfig, Id, Millis } from '@gfa/shared';
import {
  apply,
  fifoDispatcher,
  journeyAwareDispatcher,
  type DayState,
  type Dispatcher,
  type FreeProfessional,
} from '../../src/domain/index.js';
import { freeProfessionals } from '../../src/domain/offers.js';
import { waitingSteps } from '../../src/domain/pick-policy.js';
import { serves } from '../../src/domain/queues.js';
import { splitRequeued } from '../../src/domain/requeue-rule.js';
import { activeStep } from '../../src/domain/steps.js';
import { simulateDay } from '../../src/simulation/day-simulator.js';
import { demoScenario, tenderLikeScenario, type Scenario } from '../../src/simulation/scenarios.js';

/** The round as it was before the index: every visit scanned for every question. */
function scannedFreeProfessionals(state: DayState, config: CentreConfig, now: Millis): FreeProfessional[] {
  const holding = new Set<Id>();
  const lastEnded = new Map<Id, Millis>();
  for (const visit of Object.values(state.visits)) {
    const active = activeStep(visit);
    if (visit.state === 'called' || visit.state === 'in_care') {
      if (active?.professionalId) holding.add(active.professionalId);
      // Q-GROUP-6: a co-facilitator is busy with the session too.
      for (const id of active?.session?.facilitatorIds ?? []) holding.add(id);
    }
    if (visit.offer) holding.add(visit.offer.professionalId);
    if (visit.arrivedAt === null) continue;
    for (const s of visit.steps)
      if (s.professionalId && s.endedAt !== null)
        lastEnded.set(s.professionalId, Math.max(lastEnded.get(s.professionalId) ?? 0, s.endedAt));
  }
  const open = waitingSteps(state, config).filter((c) => !c.visit.offer);
  return Object.values(state.desks).flatMap((desk) => {
    const professional = config.professionals.find((p) => p.id === desk.professionalId && p.active);
    if (desk.state !== 'available' || holding.has(desk.professionalId) || !professional) return [];
    if (open.length === 0) return [];
    const mine = open.filter((c) => serves(professional, c.queue));
    return [
      {
        professional,
        idleSince: Math.max(desk.since, lastEnded.get(desk.professionalId) ?? 0),
        candidates: splitRequeued(mine, professional.id, now, config).eligible,
      },
    ];
  });
}

const shape = (free: readonly FreeProfessional[]) =>
  free.map((f) => ({
    id: f.professional.id,
    idleSince: f.idleSince,
    candidates: f.candidates.map((c) => `${c.visit.id}/${c.step.id}`).sort(),
  }));

/** Runs a day whose every assignment round is checked against the scan first. */
function compareOnDay(scenario: Scenario, dispatcher: Dispatcher, seed: number): number {
  let compared = 0;
  const checking: Dispatcher = (input) => {
    const { state, config, now } = input;
    const scanned = scannedFreeProfessionals(state, config, now);
    // A copy of the record has no remembered index: it is rebuilt from every visit.
    const rebuilt = freeProfessionals({ ...state, visits: { ...state.visits } }, config, now);
    expect(shape(input.professionals)).toEqual(shape(scanned));
    expect(shape(rebuilt)).toEqual(shape(scanned));
    const offers = dispatcher(input);
    expect(offers).toEqual(dispatcher({ ...input, professionals: scanned }));
    compared += input.professionals.reduce((n, f) => n + f.candidates.length, 0) > 0 ? 1 : 0;
    return offers;
  };
  simulateDay(scenario, { dispatcher: checking, seed });
  return compared;
}

describe('the day index (Q-OFFER-3)', () => {
  it('Q-OFFER-3: indexed and scanned rounds give the same candidates and the same offers on random days', () => {
    let compared = 0;
    compared += compareOnDay(tenderLikeScenario(), journeyAwareDispatcher, 7);
    compared += compareOnDay(tenderLikeScenario(), fifoDispatcher, 8);
    compared += compareOnDay(demoScenario(), journeyAwareDispatcher, 9);
    expect(compared).toBeGreaterThan(500); // rounds with candidates
  });

  it('Q-OFFER-3: a simulated day is the same day with the index as the engine replays it', () => {
    const scenario = tenderLikeScenario();
    const a = simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 11 });
    // Dropping every remembered index (each state a fresh record) must change nothing.
    const fresh: typeof apply = (state, command, ctx) =>
      apply({ ...state, visits: { ...state.visits } }, command, ctx);
    const b = simulateDay(scenario, { dispatcher: journeyAwareDispatcher, seed: 11, apply: fresh });
    expect(b.visits).toEqual(a.visits);
    expect(b.waits).toEqual(a.waits);
  });
});
