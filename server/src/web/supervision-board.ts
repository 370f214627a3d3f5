/**
 * The supervisor's board, computed once per commit and per clock minute.
 * Every supervisor and workstation refetches the board on each board event
 * and every few seconds; recomputing it from the day's journal each time
 * made 25 refreshers cost 25 computations per commit. The board only
 * changes when a commit lands (a new journal seq: queue moves, desk
 * changes, acknowledgements, configuration), when time moves on, or when
 * the throttled forecast behind predictive alerts is redone; its durations
 * are whole minutes, so it is computed at the start of the current minute
 * and kept until the day, the seq, the minute or the forecast changes.
 */
import type { Millis, SupervisionDto } from '@gfa/shared';
import type { Forecast } from '../domain/index.js';
import type { Db } from '../db/database.js';
import { entriesBetween, lastSeq } from '../db/journal-store.js';
import { localInstant } from '../calendar/local-time.js';
import type { QueueService } from '../service/queue-service.js';
import { MINUTE } from '../stats/percentiles.js';
import { supervision } from '../supervision/supervision.js';
import type { ForecastCache } from '../supervision/forecast-cache.js';
import { sharedPayload } from './shared-payload.js';

/** The instant the board is computed at: the start of `now`'s minute. */
export const boardInstant = (now: Millis): Millis => Math.floor(now / MINUTE) * MINUTE;

/** The board from scratch: the day's journal read again, every figure computed at `at`. */
export function computeBoard(db: Db, service: QueueService, at: Millis, forecast: Forecast): SupervisionDto {
  const state = service.state();
  return supervision({
    day: state.day,
    config: service.centre(),
    visits: Object.values(state.visits),
    desks: Object.values(state.desks),
    journal: entriesBetween(db, localInstant(state.day, 0), localInstant(state.day, 24 * 60) - 1),
    now: at,
    forecast,
  });
}

/** A board source answering from the last computation while day, seq, minute and forecast hold. */
export function cachedBoard(db: Db, service: QueueService, forecasts: ForecastCache): () => SupervisionDto {
  let last: { key: string; forecast: Forecast; board: SupervisionDto } | null = null;
  return () => {
    const at = boardInstant(service.now());
    const state = service.state();
    const forecast = forecasts.get(state, service.centre(), at);
    const key = `${state.day}|${lastSeq(db)}|${at}`;
    if (last?.key !== key || last.forecast !== forecast) {
      last = { key, forecast, board: sharedPayload(computeBoard(db, service, at, forecast)) };
    }
    return last.board;
  };
}
