/**
 * Applies the catalogue of a fresh install (as offered, or as the
 * administrator edited it) in ONE transaction journaled as one configuration
 * change; checked first, in French, with the same rules as the screens.
 */
import type { ActorRef, Catalogue, CatalogueOffer, CentreConfig, JournalEntry } from '@gfa/shared';
import { templateProblem, type Problem } from '../admin/validate-config.js';
import { loadConfig, saveCategory, saveReason, saveTemplate } from '../db/config-store.js';
import type { Db } from '../db/database.js';
import { tenderCatalogue } from './tender-catalogue.js';
import { recordChange } from '../db/record-change.js';
import { writeTransaction } from '../db/tx.js';

const isFresh = (config: CentreConfig): boolean =>
  config.categories.length === 0 && config.reasons.length === 0;

export function catalogueOffer(db: Db): CatalogueOffer {
  return { applicable: isFresh(loadConfig(db)), catalogue: tenderCatalogue() };
}

function catalogueProblem(catalogue: Catalogue, config: CentreConfig): Problem {
  if (!isFresh(config))
    return 'Le catalogue ne s’applique qu’à une installation neuve : ce centre a déjà des catégories ou des motifs (modifiez-les dans l’administration).';
  const duplicate = (ids: string[]) => ids.find((id, i) => ids.indexOf(id) !== i);
  const twice =
    duplicate(catalogue.categories.map((c) => c.code)) ?? duplicate(catalogue.reasons.map((r) => r.code));
  if (twice) return `Le code « ${twice} » est donné deux fois.`;
  const stray = Object.keys(catalogue.journeys).find((id) => !catalogue.reasons.some((r) => r.id === id));
  if (stray) return `Parcours d’un motif absent du catalogue : « ${stray} ».`;
  const target = { ...config, categories: catalogue.categories, reasons: catalogue.reasons };
  for (const reason of catalogue.reasons) {
    const steps = catalogue.journeys[reason.id];
    if (!steps) return `Le motif « ${reason.label} » n’a pas de parcours.`;
    const problem = templateProblem(steps, target);
    if (problem) return `Parcours « ${reason.label} » : ${problem}`;
  }
  return null;
}

export class CatalogueRefused extends Error {}

/** The journal entry of the change (published live once committed). */
export function applyCatalogue(db: Db, catalogue: Catalogue, actor: ActorRef, now: number): JournalEntry {
  return writeTransaction(db, (tx) => {
    const problem = catalogueProblem(catalogue, loadConfig(tx));
    if (problem) throw new CatalogueRefused(problem);
    catalogue.categories.forEach((c) => saveCategory(tx, c));
    catalogue.reasons.forEach((r) => saveReason(tx, r));
    for (const reason of catalogue.reasons)
      saveTemplate(tx, reason.id, catalogue.journeys[reason.id] ?? [], now);
    return recordChange(tx, {
      at: now,
      actor,
      subject: 'catalogue',
      before: null,
      after: { categories: catalogue.categories.length, reasons: catalogue.reasons.map((r) => r.code) },
    });
  });
}
