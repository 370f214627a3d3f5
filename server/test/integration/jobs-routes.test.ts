/** Administration › Tâches planifiées over HTTPS: settings with journaled choices, passphrase, run now. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, JobStatus, JobsDto } from '@gfa/shared';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import { readJournal } from './support/journal.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

const journal = (type: string): Record<string, unknown>[] =>
  readJournal(demo.dataDir)
    .filter((e) => e.type === type)
    .map((e) => e.data);

describe('scheduled jobs routes', () => {
  it('are for administrators only', async () => {
    const user = await demo.login('sophie');
    expect((await user.call<ApiErrorBody>('GET', '/api/admin/jobs')).status).toBe(403);
    expect((await user.call<ApiErrorBody>('POST', '/api/admin/jobs/backup/run')).status).toBe(403);
  });

  it('keeping names longer than 7 days needs an explicit confirmation, which is journaled', async () => {
    const admin = await demo.login('admin');
    const { settings } = (await admin.call<JobsDto>('GET', '/api/admin/jobs')).body;
    expect(settings.retentionDays).toBe(7);
    const refused = await admin.call<ApiErrorBody>('PUT', '/api/admin/data-settings', {
      ...settings,
      retentionDays: 30,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'Conserver les données nominatives plus de 7 jours demande une confirmation explicite.',
    );
    const relative = await admin.call<ApiErrorBody>('PUT', '/api/admin/data-settings', {
      ...settings,
      backup: { ...settings.backup, copyTo: 'clé-usb' },
    });
    expect(relative.body.error.message).toMatch(
      /^Second dossier des sauvegardes : indiquez un chemin complet/,
    );
    const saved = await admin.call<JobsDto>('PUT', '/api/admin/data-settings', {
      ...settings,
      retentionDays: 30,
      confirmLongerRetention: true,
      backup: { ...settings.backup, time: '22:30', copyTo: join(demo.dataDir, 'usb') },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.settings).toMatchObject({ retentionDays: 30, backup: { time: '22:30' } });
    expect(saved.body.jobs.find((j) => j.id === 'backup')?.times).toEqual(['22:30']);
    expect(journal('config.changed').at(-1)).toMatchObject({
      subject: 'data-settings',
      before: { retentionDays: 7 },
      after: { retentionDays: 30 },
      confirmLongerRetention: true,
    });
  });

  it('the passphrase is set but never returned nor journaled; "run now" makes an encrypted backup', async () => {
    const admin = await demo.login('admin');
    const short = await admin.call<ApiErrorBody>('PUT', '/api/admin/backup-passphrase', {
      passphrase: 'court',
    });
    expect(short.status).toBe(400);
    const secret = 'cheval agrafe pile correcte';
    expect((await admin.call('PUT', '/api/admin/backup-passphrase', { passphrase: secret })).status).toBe(
      200,
    );
    const dto = await admin.call<JobsDto>('GET', '/api/admin/jobs');
    expect(dto.body.backupPassphraseSet).toBe(true);
    expect(JSON.stringify(dto.body)).not.toContain(secret);
    expect(JSON.stringify(journal('config.changed'))).not.toContain(secret);

    const run = await admin.call<JobStatus>('POST', '/api/admin/jobs/backup/run');
    expect(run.body.lastRun).toMatchObject({ ok: true, trigger: 'manual' });
    const [file] = readdirSync(join(demo.dataDir, 'backups'));
    expect(existsSync(join(demo.dataDir, 'usb', file as string))).toBe(true);
    // Encrypted: no SQLite header, no name from the demo centre in clear.
    const bytes = readFileSync(join(demo.dataDir, 'backups', file as string));
    expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
    expect(journal('job.completed').at(-1)).toMatchObject({ job: 'backup', trigger: 'manual' });
  });

  it('an unknown job is a 400', async () => {
    const admin = await demo.login('admin');
    expect((await admin.call<ApiErrorBody>('POST', '/api/admin/jobs/menage/run')).status).toBe(400);
  });
});
