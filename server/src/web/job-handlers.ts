/** Administration › Tâches planifiées: status, run now, data settings, backup passphrase. */
import type { JobsDto } from '@gfa/shared';
import { readBackupPassphrase, writeBackupPassphrase } from '../backup/passphrase-store.js';
import { dataSettingsProblem } from '../jobs/data-settings.js';
import { readSetting, writeSetting } from '../db/settings-store.js';
import { ApiFailure } from './api-failure.js';
import { recordChange } from '../db/record-change.js';
import { writeTransaction } from '../db/tx.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

type JobRoute = 'jobs' | 'runJob' | 'saveDataSettings' | 'saveBackupPassphrase';

export type JobDeps = Pick<HandlerDeps, 'db' | 'service' | 'jobs' | 'dataDir'>;

export function createJobHandlers(deps: JobDeps): Pick<Handlers, JobRoute> {
  const { db, service, jobs, dataDir } = deps;
  const dto = (): JobsDto => ({
    jobs: jobs.statuses(),
    settings: readSetting(db, 'dataSettings'),
    backupPassphraseSet: readBackupPassphrase(dataDir) !== null,
  });

  return {
    jobs: dto,
    runJob: (ctx) => jobs.run(ctx.params.id, 'manual', actorOf(requirePrincipal(ctx)).ref),
    saveDataSettings: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      const { confirmLongerRetention, ...after } = ctx.body;
      const before = readSetting(db, 'dataSettings');
      const problem = dataSettingsProblem(ctx.body, before);
      if (problem) throw new ApiFailure('bad_request', problem);
      writeTransaction(db, (tx) => {
        writeSetting(tx, 'dataSettings', after);
        recordChange(tx, {
          at: service.now(),
          actor,
          subject: 'data-settings',
          before,
          after,
          // Kept with the change: the administrator's explicit choice to keep names longer.
          detail: { confirmLongerRetention },
        });
      });
      return dto();
    },
    saveBackupPassphrase: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      const existed = readBackupPassphrase(dataDir) !== null;
      // The file is written inside the transaction: a failed write journals nothing.
      writeTransaction(db, (tx) => {
        writeBackupPassphrase(dataDir, ctx.body.passphrase);
        // The journal records that it changed, never the passphrase.
        recordChange(tx, {
          at: service.now(),
          actor,
          subject: 'backup-passphrase',
          before: { set: existed },
          after: { set: true },
        });
      });
      return { ok: true as const };
    },
  };
}
