/**
 * The forecast of the rest of the day (Q-FORECAST-*), as each screen may
 * read it: the professional's next consultant, each visit's next care and
 * journey end (staff, keyed by visit id: names come from the staff's own
 * visit list), and per category the wait expected (no names: TVs read it).
 */
import { z } from 'zod';
import { Id, Millis } from '../domain/model.js';

export const DeskForecastDto = z.object({
  /** When the forecast was computed. */
  at: Millis,
  /** When I am expected to call my next consultant (null: nobody expected before the horizon). */
  nextConsultantAt: Millis.nullable(),
  /** The consultants waiting in my queues, in the order the forecast expects their next care. */
  coming: z.array(z.object({ visitId: Id, expectedAt: Millis.nullable() })),
});
export type DeskForecastDto = z.infer<typeof DeskForecastDto>;

export const VisitForecastDto = z.object({
  visitId: Id,
  nextCareAt: Millis.nullable(),
  journeyEndAt: Millis.nullable(),
});
export type VisitForecastDto = z.infer<typeof VisitForecastDto>;

export const VisitForecastsDto = z.object({ at: Millis, visits: z.array(VisitForecastDto) });
export type VisitForecastsDto = z.infer<typeof VisitForecastsDto>;

export const CategoryWaitsDto = z.object({
  at: Millis,
  /** Categories with calls expected from now on, with their mean expected wait in whole minutes. */
  categories: z.array(z.object({ categoryId: Id, waitMinutes: z.number().int().nonnegative() })),
});
export type CategoryWaitsDto = z.infer<typeof CategoryWaitsDto>;
