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

export interface CheckinOutcome {
  readonly response: CheckinResponse;
  /** True when the visitor was sent to reception (the reception is alerted). */
  readonly toReception: boolean;
}

export function checkIn(
  service: QueueService,
  db: Db,
  request: CheckinRequest,
  actor: Actor,
): CheckinOutcome {
  const previous = getCheckinKey(db, request.idempotencyKey);
  if (previous) return { response: previous.response as CheckinResponse, toReception: false };

  const day = service.state().day;
  const appointment =
    request.by.kind === 'reference'
      ? findByReference(db, day, request.by.reference)
      : findByIdentity(db, day, request.by.lastName, request.by.birthDate)[0];
  const remember = (response: CheckinResponse, visitId: string | null) => (tx: Db) =>
    putCheckinKey(tx, request.idempotencyKey, visitId, response, service.now());

  const toReception = (): CheckinOutcome => {
    const response: CheckinResponse = { outcome: 'reception', instruction: RECEPTION };
    db.transaction((tx) => remember(response, null)(tx as unknown as Db));
    return { response, toReception: true };
  };
  if (!appointment) return toReception();

  // The appointment may have been imported after the day was loaded.
  const expected: ServiceResult = service.execute({ type: 'expect', appointment }, SYSTEM_ACTOR);
  if (!expected.ok || !expected.visitId) return toReception();
  const visitId = expected.visitId;
  const visit = service.state().visits[visitId] as Visit;
  if (visit.state !== 'expected') {
    // Already checked in (e.g. at reception): tell them again where to wait.
    return {
      response: { outcome: 'recognised', visitId, instruction: waitingInstruction(visit, service.centre()) },
      toReception: false,
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
  return { response, toReception: response.outcome === 'reception' };
}
