/**
 * Applies the settings steps this file has not had yet, all in ONE transaction
 * with their records: a step that fails leaves the database as it was, and the
 * server does not start on data half converted.
 */
import type { Db } from './db-handle.js';
import type { SettingsStep } from './settings-steps.js';
import { sql } from 'drizzle-orm';
import * as t from './schema.js';
import { writeTransaction } from './tx.js';

export class SettingsStepError extends Error {
  readonly userMessage: string;
  constructor(step: string, cause: unknown) {
    super(`settings step ${step} failed: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.userMessage =
      `La mise à jour des réglages (étape ${step}) a échoué ; la base de données est restée telle quelle. ` +
      `Réinstallez la version précédente ou contactez le support.`;
  }
}

/** The names of the steps applied now, in order. */
export function applySettingsSteps(db: Db, steps: readonly SettingsStep[], now: number): string[] {
  // Opened with an older migrations folder (a previous release's, as the update test does), the
  // file has no record table yet: its steps wait for the SQL migration that creates it.
  const recorded = db.get<{ n: number }>(
    sql`select count(*) as n from sqlite_master where type = 'table' and name = 'settings_migrations'`,
  );
  if (!recorded?.n) return [];
  return writeTransaction(db, (tx) => {
    const done = new Set(
      tx
        .select({ name: t.settingsMigrations.name })
        .from(t.settingsMigrations)
        .all()
        .map((r) => r.name),
    );
    const pending = steps.filter((step) => !done.has(step.name));
    for (const step of pending) {
      try {
        step.run(tx);
      } catch (error) {
        throw new SettingsStepError(step.name, error);
      }
      tx.insert(t.settingsMigrations).values({ name: step.name, appliedAt: now }).run();
    }
    return pending.map((step) => step.name);
  });
}
