/**
 * Kiosk and reception check-in: find today's appointment, check the visit in
 * through the engine, and answer with where to wait. The same idempotency key
 * always gets the same answer and never checks in twice (offline kiosks retry).
 */
import type { CentreConfig, CheckinRequest, CheckinResponse, Instruction, Visit } from '@gfa/shared';
import type { Actor } from '../domain/index.js';
import { queuesOf } from '../domain/index.js';
import { findByIdentity, findByReference } from '../db/appointment-store.js';
import type { Db } from '../db/database.js';
import { getCheckinKey, putCheckinKey } from '../db/day-store.js';
import type { QueueService, ServiceResult } from './queue-service.js';
import { SYSTEM_ACTOR } from './queue-service.js';
import { writeTransaction, type Tx } from '../db/tx.js';

export const RECEPTION: Instruction = {
  headline: "Merci de vous présenter à l'accueil",
  sentence: "Un agent d'accueil va s'occuper de vous.",
};

/** One sentence and a big label a visitor understands. */
export function waitingInstruction(visit: Visit, config: CentreConfig): Instruction {
  const queue = queuesOf(visit, config)[0];
  const headline = 'Installez-vous en salle d’attente';
  if (queue?.kind === 'professional') {
    const who = config.professionals.find((p) => p.id === queue.professionalId)?.displayName;
    return { headline, sentence: `${who ?? 'Votre professionnel'} vous appellera : regardez l’écran.` };
  }
  if (queue?.kind === 'category') {
    const code = config.categories.find((c) => c.id === queue.categoryId)?.code;
    if (code === 'administratif') {
      return { headline, sentence: 'Un agent va vous appeler à l’écran pour ouvrir votre dossier.' };
    }
  }
  return {
    headline,
    sentence: 'Vous serez appelé(e) à l’écran : votre nom et le numéro du cabinet s’afficheront.',
  };
}

/** Why reception is alerted: nobody found to route, or a journey already over (Q-ARRIVE-5). */
export type ReceptionAlertType = 'checkin.unrecognised' | 'checkin.journey_over';

export interface CheckinOutcome {
  readonly response: CheckinResponse;
  /** Set when the visitor was sent to reception: the journal entry that alerts it. */
  readonly alert: ReceptionAlertType | null;
}

/** A visit in one of these states is over for today: the kiosk cannot start it again. */
const OVER: readonly Visit['state'][] = ['done', 'left', 'cancelled'];

export function checkIn(
  service: QueueService,
  db: Db,
  request: CheckinRequest,
  actor: Actor,
): CheckinOutcome {
  const previous = getCheckinKey(db, request.idempotencyKey);
  if (previous) return { response: previous.response as CheckinResponse, alert: null };

  const day = service.state().day;
  const appointment =
    request.by.kind === 'reference'
      ? findByReference(db, day, request.by.reference)
      : findByIdentity(db, day, request.by.lastName, request.by.birthDate)[0];
  const remember = (response: CheckinResponse, visitId: string | null) => (tx: Tx) =>
    putCheckinKey(tx, request.idempotencyKey, visitId, response, service.now());

  const toReception = (alert: ReceptionAlertType = 'checkin.unrecognised'): CheckinOutcome => {
    const response: CheckinResponse = { outcome: 'reception', instruction: RECEPTION };
    writeTransaction(db, remember(response, null));
    return { response, alert };
  };
  if (!appointment) return toReception();

  // The appointment may have been imported after the day was loaded.
  const expected: ServiceResult = service.execute({ type: 'expect', appointment }, SYSTEM_ACTOR);
  if (!expected.ok || !expected.visitId) return toReception();
  const visitId = expected.visitId;
  const visit = service.state().visits[visitId] as Visit;
  // Q-ARRIVE-5: a journey over (gone, ended, withdrawn) is for reception to look at, not a seat.
  if (OVER.includes(visit.state)) return toReception('checkin.journey_over');
  if (visit.state !== 'expected' && visit.state !== 'no_show') {
    // Already checked in (e.g. at reception): tell them again where to wait.
    return {
      response: { outcome: 'recognised', visitId, instruction: waitingInstruction(visit, service.centre()) },
      alert: null,
    };
  }

  // The answer depends on the routing, so compute it from the engine result inside the same transaction.
  let response: CheckinResponse = { outcome: 'reception', instruction: RECEPTION };
  const result = service.execute({ type: 'check_in', visitId }, actor, (tx, next) => {
    const routed = next.visits[visitId] as Visit;
    response =
      routed.state === 'arrived'
        ? { outcome: 'reception', instruction: RECEPTION }
        : { outcome: 'recognised', visitId, instruction: waitingInstruction(routed, service.centre()) };
    remember(response, visitId)(tx);
  });
  if (!result.ok) return toReception();
  return { response, alert: response.outcome === 'reception' ? 'checkin.unrecognised' : null };
}
