/**
 * The kiosk's satisfaction question and its statistics (issue 17, item 7).
 * One answer per visit when the convocation is scanned; anonymous answers of
 * a kiosk are throttled (a child tapping the faces is not a survey).
 */
import type { Visit } from '@gfa/shared';
import { findByReference } from '../db/appointment-store.js';
import { writeTransaction } from '../db/tx.js';
import { appendAudit } from '../db/journal-audit.js';
import {
  lastAnonymousAt,
  recordSatisfaction,
  satisfactionBetween,
  visitAnswered,
} from '../db/satisfaction-store.js';
import { minutesBetween } from '../stats/percentiles.js';
import { satisfactionStats } from '../stats/satisfaction.js';
import { ApiFailure } from './api-failure.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

/** A kiosk records at most one anonymous answer per this interval. */
export const ANONYMOUS_INTERVAL_MS = 30_000;

const THANKS = 'Merci pour votre avis !';

export function createSatisfactionHandlers(
  deps: HandlerDeps,
): Pick<Handlers, 'satisfaction' | 'satisfactionStatistics'> {
  const { db, service } = deps;

  /** Today's visit behind a scanned convocation. */
  const visitOf = (reference: string): Visit => {
    const state = service.state();
    const appointment = findByReference(db, state.day, reference);
    const visit = appointment && Object.values(state.visits).find((v) => v.appointmentId === appointment.id);
    if (!visit) {
      throw new ApiFailure(
        'not_found',
        'Convocation non reconnue : touchez un visage pour donner votre avis sans la scanner.',
        'satisfaction: unknown reference',
      );
    }
    return visit;
  };

  return {
    satisfaction: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx));
      const kioskId = actor.ref.id;
      const now = service.now();
      const visit = ctx.body.reference ? visitOf(ctx.body.reference) : null;
      if (visit && visitAnswered(db, visit.id)) {
        throw new ApiFailure('conflict', 'Vous avez déjà donné votre avis pour cette visite : merci !');
      }
      const last = visit ? null : lastAnonymousAt(db, kioskId);
      if (last !== null && now - last < ANONYMOUS_INTERVAL_MS) {
        throw new ApiFailure('rate_limited', 'Merci, un avis vient d’être enregistré sur cette borne.');
      }
      const journeyMinutes =
        visit && visit.arrivedAt !== null ? minutesBetween(visit.arrivedAt, visit.endedAt ?? now) : null;
      writeTransaction(db, (tx) => {
        recordSatisfaction(tx, {
          day: service.state().day,
          at: now,
          kioskId,
          score: ctx.body.score,
          visitId: visit?.id ?? null,
          reasonId: visit?.reasonId ?? null,
          journeyMinutes,
        });
        appendAudit(
          tx,
          now,
          'satisfaction.recorded',
          actor.ref,
          { score: ctx.body.score, linked: visit !== null },
          visit?.id ?? null,
        );
      });
      return { linked: visit !== null, message: THANKS };
    },
    satisfactionStatistics: (ctx) =>
      satisfactionStats(satisfactionBetween(db, ctx.query.from, ctx.query.to), service.centre()),
  };
}
