/** Appointment imports from the administration screen: upload, profiles, history of runs. */
import type { ImportRun } from '@gfa/shared';
import { latestEntriesOf } from '../db/journal-store.js';
import { importAgendaFile } from '../import/import-appointments.js';
import {
  STANDARD_PROFILE,
  findProfile,
  listProfiles,
  saveProfile,
  saveValueMaps,
} from '../import/profiles.js';
import { recordChange } from '../db/record-change.js';
import { writeTransaction } from '../db/tx.js';
import { ApiFailure } from './api-failure.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

const count = (value: unknown): number | null => (typeof value === 'number' ? value : null);

export type ImportDeps = Pick<HandlerDeps, 'db' | 'service'>;

export function createImportHandlers(
  deps: ImportDeps,
): Pick<
  Handlers,
  'importAppointments' | 'importProfiles' | 'saveImportProfile' | 'saveImportValues' | 'importRuns'
> {
  const { db, service } = deps;
  return {
    importAppointments: async (ctx) => {
      const principal = requirePrincipal(ctx);
      const profile = findProfile(db, ctx.body.profile);
      if (!profile) throw new ApiFailure('bad_request', `Profil d’import inconnu : ${ctx.body.profile}.`);
      const report = await importAgendaFile(
        db,
        service.centre(),
        {
          file: ctx.body.file,
          bytes: Buffer.from(ctx.body.contentBase64, 'base64'),
          profile,
          dryRun: ctx.body.dryRun,
          ...(ctx.body.confirmCancellations !== undefined
            ? { confirmCancellations: ctx.body.confirmCancellations }
            : {}),
        },
        actorOf(principal).ref,
        service.now(),
      );
      // Today's expected visits follow the new appointments at once.
      if (!report.dryRun && report.errors.length === 0) service.syncAppointments();
      return report;
    },
    importProfiles: () => ({ profiles: listProfiles(db) }),
    saveImportProfile: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      if (ctx.body.name === STANDARD_PROFILE.name)
        throw new ApiFailure(
          'bad_request',
          'Le profil « standard » ne se modifie pas : donnez un autre nom.',
        );
      writeTransaction(db, (tx) => {
        const before = findProfile(tx, ctx.body.name) ?? null;
        saveProfile(tx, ctx.body);
        recordChange(tx, {
          at: service.now(),
          actor,
          subject: `import-profile:${ctx.body.name}`,
          before,
          after: ctx.body,
        });
      });
      return { profiles: listProfiles(db) };
    },
    saveImportValues: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      const before = findProfile(db, ctx.body.profile);
      if (!before) throw new ApiFailure('bad_request', `Profil d’import inconnu : ${ctx.body.profile}.`);
      const known = new Set([...service.centre().reasons.map((r) => r.id)]);
      const staff = new Set(service.centre().professionals.map((p) => p.id));
      const stray =
        Object.values(ctx.body.values.reasons).find((id) => !known.has(id)) ??
        Object.values(ctx.body.values.professionals).find((id) => !staff.has(id));
      if (stray) throw new ApiFailure('bad_request', `Correspondance vers un élément inconnu : ${stray}.`);
      writeTransaction(db, (tx) => {
        saveValueMaps(tx, ctx.body.profile, ctx.body.values);
        recordChange(tx, {
          at: service.now(),
          actor,
          subject: `import-values:${ctx.body.profile}`,
          before: before.values ?? null,
          after: ctx.body.values,
        });
      });
      return { profiles: listProfiles(db) };
    },
    importRuns: () => ({
      runs: latestEntriesOf(db, ['import.completed', 'import.rejected'], 30).map((e): ImportRun => ({
        at: e.at,
        outcome: e.type === 'import.completed' ? 'completed' : 'rejected',
        file: typeof e.data.file === 'string' ? e.data.file : '',
        by: e.actor.id,
        created: count(e.data.created),
        updated: count(e.data.updated),
        cancelled: count(e.data.cancelled),
        errors: count(e.data.errors),
      })),
    }),
  };
}
