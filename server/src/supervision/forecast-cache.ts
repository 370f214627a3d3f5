/**
 * The forecast behind predictive alerts, computed after commits but at most
 * once per interval (a forecast runs the rest of the day through the engine),
 * with durations relearned from the last weeks of the journal once a day.
 */
import type { CentreConfig, Millis } from '@gfa/shared';
import {
  forecast,
  type DayState,
  type Dispatcher,
  type DurationModel,
  type Forecast,
} from '../domain/index.js';
import type { Db } from '../db/database.js';
import { recentCareDurations } from '../stats/care-durations.js';
import { recentLateness } from '../stats/arrival-lateness.js';
import { learnArrival, learnDurations } from '../stats/learn-durations.js';

const DAY = 24 * 60 * 60_000;
/** Without any commit, a forecast is redone after this long (nothing happening is news too). */
const STALE_MS = 5 * 60_000;
/** Recent days the durations are learned from. */
const HISTORY_DAYS = 28;

export class ForecastCache {
  private last: { state: DayState; at: Millis; forecast: Forecast } | null = null;
  private model: { day: string; durations: DurationModel } | null = null;

  constructor(
    private readonly db: Db,
    /** The centre's dispatcher (the service's choice), so the forecast plays the day as it will be played. */
    private readonly dispatcher: Dispatcher,
    private readonly intervalMs = 30_000,
  ) {}

  /**
   * The forecast of this state, recomputed at most once per interval: when a
   * commit changed the day, or when time alone has made it stale. `current`
   * recomputes at once for a changed day (the kiosk tells a visitor who has
   * just checked in when they will be called: the forecast must know them).
   */
  get(state: DayState, config: CentreConfig, now: Millis, current = false): Forecast {
    const last = this.last;
    const age = last ? now - last.at : Number.POSITIVE_INFINITY;
    const changed = last?.state !== state;
    const stale = !last || (changed ? current || age >= this.intervalMs : age >= STALE_MS);
    if (!stale && last) return last.forecast;
    if (this.model?.day !== state.day) {
      const since = now - HISTORY_DAYS * DAY;
      const cares = recentCareDurations(this.db, config, since);
      const arrival = learnArrival(recentLateness(this.db, since));
      this.model = { day: state.day, durations: { ...learnDurations(cares), ...arrival } };
    }
    const result = forecast(state, config, now, this.model.durations, this.dispatcher);
    this.last = { state, at: now, forecast: result };
    return result;
  }
}
