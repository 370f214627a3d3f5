/**
 * The kiosk's one-tap satisfaction question (issue 17, item 7): anonymous,
 * optionally linked to the visit by the convocation's barcode, read by the
 * administrator against the reason and the journey time.
 */
import { z } from 'zod';

/** 1 = très mécontent … 5 = très satisfait; CSAT counts 4 and 5 as satisfied. */
export const SatisfactionScore = z.number().int().min(1).max(5);

export const SatisfactionRequest = z.object({
  score: SatisfactionScore,
  /** The convocation reference scanned from the circulation sheet (absent: anonymous). */
  reference: z.string().trim().min(1).max(64).optional(),
});
export type SatisfactionRequest = z.infer<typeof SatisfactionRequest>;

export const SatisfactionResponse = z.object({
  /** Whether the answer was linked to a visit of today. */
  linked: z.boolean(),
  /** French, shown at the kiosk. */
  message: z.string(),
});
export type SatisfactionResponse = z.infer<typeof SatisfactionResponse>;

export const CsatFigures = z.object({
  answers: z.number().int().nonnegative(),
  /** Answers of 4 or 5. */
  satisfied: z.number().int().nonnegative(),
  /** Share of satisfied answers, 0–100 (null without answers). */
  csatPercent: z.number().nullable(),
});
export type CsatFigures = z.infer<typeof CsatFigures>;

/** Journey-time bands the answers linked to a visit are read against. */
export const JOURNEY_BANDS = [
  { id: 'under_60', label: 'Moins d’1 h', maxMinutes: 60 },
  { id: '60_90', label: '1 h à 1 h 30', maxMinutes: 90 },
  { id: '90_120', label: '1 h 30 à 2 h', maxMinutes: 120 },
  { id: 'over_120', label: 'Plus de 2 h', maxMinutes: null },
] as const;

export const SatisfactionStats = z.object({
  all: CsatFigures,
  /** Linked answers per visit reason (`reasonId` null: the anonymous answers). */
  byReason: z.array(CsatFigures.extend({ reasonId: z.string().nullable(), label: z.string() })),
  byJourneyBand: z.array(CsatFigures.extend({ band: z.string(), label: z.string() })),
});
export type SatisfactionStats = z.infer<typeof SatisfactionStats>;
