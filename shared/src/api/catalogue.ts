/**
 * The tender's catalogue offered on a fresh install: categories of
 * professionals, visit reasons with their journeys. The away reasons are
 * fixed by the protocol (`AwayReason`) and come with every install.
 */
import { z } from 'zod';
import { Category, Id, StepTemplate, VisitReason } from '../domain/model.js';

export const Catalogue = z.object({
  categories: z.array(Category).min(1).max(100),
  reasons: z.array(VisitReason).min(1).max(100),
  /** The journey of each reason, by reason id. */
  journeys: z.record(Id, z.array(StepTemplate).min(1).max(40)),
});
export type Catalogue = z.infer<typeof Catalogue>;

export const CatalogueOffer = z.object({
  /** True while the centre has no category and no reason (a fresh install): the offer may be applied. */
  applicable: z.boolean(),
  catalogue: Catalogue,
});
export type CatalogueOffer = z.infer<typeof CatalogueOffer>;
