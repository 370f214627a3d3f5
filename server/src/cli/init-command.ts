/**
 * `gfa init [--print] [--file F]`: a fresh install's catalogue. `--print`
 * writes the tender's catalogue as JSON (to edit); without it, the tender's
 * catalogue — or the edited `--file` — is applied in one journaled step.
 */
import { readFileSync } from 'node:fs';
import { Catalogue } from '@gfa/shared';
import { CatalogueRefused, applyCatalogue, catalogueOffer } from '../catalogue/apply-catalogue.js';
import { databaseFile, defaultDataDir, openDatabase } from '../db/database.js';
import { CliError } from './cli-error.js';

function readCatalogue(file: string): Catalogue {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    throw new CliError(`Fichier introuvable ou qui n’est pas du JSON : ${file}`);
  }
  const parsed = Catalogue.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(`Catalogue invalide (${issue?.path.join('.') || 'racine'}) : ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

export function init(options: { dataDir?: string; print?: boolean; file?: string }): void {
  const database = openDatabase(databaseFile(options.dataDir ?? defaultDataDir()));
  try {
    const offer = catalogueOffer(database.db);
    if (options.print) {
      console.log(JSON.stringify(offer.catalogue, null, 2));
      return;
    }
    const catalogue = options.file ? readCatalogue(options.file) : offer.catalogue;
    try {
      applyCatalogue(database.db, catalogue, { kind: 'system', id: 'cli' }, Date.now());
    } catch (error) {
      if (error instanceof CatalogueRefused) throw new CliError(error.message);
      throw error;
    }
    const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
    console.log(
      `Catalogue appliqué : ${plural(catalogue.categories.length, 'catégorie', 'catégories')}, ${plural(catalogue.reasons.length, 'motif', 'motifs')} avec leur parcours (${catalogue.reasons.map((r) => r.code).join(', ')}).`,
    );
  } finally {
    database.close();
  }
}
