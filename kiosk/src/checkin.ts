/** Sends a check-in, or keeps it in the outbox when the server is unreachable. */
import type { CheckinRequest, Instruction } from '@gfa/shared';
import type { Outbox } from '@gfa/shared/client';
import { OfflineError, type ApiClient } from '@gfa/shared/client';

export const OFFLINE_INSTRUCTION: Instruction = {
  headline: "Merci de vous présenter à l'accueil",
  sentence: 'Votre arrivée sera enregistrée dès que possible. Un agent va vous accueillir.',
};

export interface CheckinResult {
  readonly outcome: 'recognised' | 'reception';
  readonly instruction: Instruction;
  /** Q-FORECAST-1: minutes until the visitor is expected to be called (null or absent: no forecast). */
  readonly callInMinutes?: number | null;
}

export function createCheckin(api: ApiClient, outbox: Outbox, ensureSession: () => Promise<unknown>) {
  const send = async (request: CheckinRequest): Promise<CheckinResult> => {
    await ensureSession();
    return api.call('checkin', { body: request });
  };
  return {
    async submit(request: CheckinRequest): Promise<CheckinResult> {
      try {
        return await send(request);
      } catch (error) {
        if (!(error instanceof OfflineError)) throw error;
        outbox.add(request);
        return { outcome: 'reception', instruction: OFFLINE_INSTRUCTION };
      }
    },
    /** Delivers kept check-ins once the server answers again (each exactly once, by key). */
    flush: () =>
      outbox.flush(async (request) => {
        try {
          await send(request);
          return 'delivered';
        } catch (error) {
          return error instanceof OfflineError ? 'offline' : 'delivered';
        }
      }),
  };
}
