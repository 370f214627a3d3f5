/**
 * Administration › Tâches planifiées: each job's last run, result and next
 * run, "Lancer maintenant"; the data settings (retention, folders, times) and
 * the backup passphrase.
 */
import { useEffect, useId, useState } from 'react';
import type { DataSettings, JobId, JobsDto } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { when } from './when.js';

const TRIGGER: Record<NonNullable<JobsDto['jobs'][number]['lastRun']>['trigger'], string> = {
  schedule: 'à l’heure prévue',
  'catch-up': 'en rattrapage au démarrage',
  manual: 'lancée à la main',
};

/** A text input for an optional folder: empty means "none". */
function FolderInput(props: {
  readonly label: string;
  readonly value: string | null;
  readonly onChange: (value: string | null) => void;
}) {
  const hint = useId();
  return (
    <label>
      {props.label}
      <input
        type="text"
        placeholder="aucun (chemin complet, ex. D:\GFA\entrant)"
        aria-describedby={hint}
        value={props.value ?? ''}
        onChange={(e) => props.onChange(e.target.value.trim() || null)}
      />
      {/* The service account has no network credentials: say so where the folder is typed. */}
      <small id={hint}>
        Dossier du serveur, sur un disque local ou USB : le service GFA (compte LocalService) n’a pas accès
        aux partages réseau.
      </small>
    </label>
  );
}

function TimeInput(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (v: string) => void;
}) {
  return (
    <label>
      {props.label}
      <input type="time" value={props.value} onChange={(e) => props.onChange(e.target.value)} />
    </label>
  );
}

export function JobsAdmin() {
  const [dto, setDto] = useState<JobsDto | null>(null);
  const [settings, setSettings] = useState<DataSettings | null>(null);
  const [confirmLonger, setConfirmLonger] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const load = () =>
    void attempt(() => api.call('jobs')).then((d) => {
      if (d) {
        setDto(d);
        setSettings(d.settings);
      }
    });
  useEffect(load, []);
  if (!dto || !settings) return null;

  const runNow = async (id: JobId) => {
    const status = await attempt(() => api.call('runJob', { params: { id } }));
    if (status) setDto({ ...dto, jobs: dto.jobs.map((j) => (j.id === id ? status : j)) });
  };
  const save = async () => {
    const saved = await attempt(
      () => api.call('saveDataSettings', { body: { ...settings, confirmLongerRetention: confirmLonger } }),
      'Réglages des données enregistrés.',
    );
    if (saved) {
      setDto(saved);
      setSettings(saved.settings);
      setConfirmLonger(false);
    }
  };
  const savePassphrase = async () => {
    const ok = await attempt(
      () => api.call('saveBackupPassphrase', { body: { passphrase } }),
      'Phrase de passe enregistrée. Conservez-la : sans elle, les sauvegardes ne peuvent pas être restaurées.',
    );
    if (ok) {
      setPassphrase('');
      load();
    }
  };
  const set = (patch: Partial<DataSettings>) => setSettings({ ...settings, ...patch });
  const longer = settings.retentionDays > 7 && settings.retentionDays !== dto.settings.retentionDays;

  return (
    <div className="ws-admin-grid">
      <section className="ws-form ws-wide" aria-label="Tâches planifiées">
        <h2>Tâches planifiées</h2>
        <table className="ws-table">
          <thead>
            <tr>
              <th>Tâche</th>
              <th>Heures</th>
              <th>Dernière exécution</th>
              <th>Résultat</th>
              <th>Prochaine</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {dto.jobs.map((job) => (
              <tr key={job.id} data-job={job.id}>
                <td>{job.label}</td>
                <td>{job.times.join(', ')}</td>
                <td>
                  {job.lastRun ? `${when(job.lastRun.at)} (${TRIGGER[job.lastRun.trigger]})` : 'jamais'}
                </td>
                <td className={job.lastRun && !job.lastRun.ok ? 'ws-failed' : undefined}>
                  {job.running
                    ? 'En cours…'
                    : job.lastRun
                      ? `${job.lastRun.ok ? 'Réussie' : 'Échec'} : ${job.lastRun.summary}`
                      : '—'}
                </td>
                <td>{job.notReady ?? (job.nextRun ? when(job.nextRun) : '—')}</td>
                <td>
                  <button
                    type="button"
                    className="gfa-button"
                    disabled={job.running}
                    onClick={() => void runNow(job.id)}
                  >
                    Lancer maintenant
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="ws-form" aria-label="Conservation et dossiers">
        <h2>Conservation des données nominatives</h2>
        <label>
          Durée avant anonymisation (jours)
          <input
            type="number"
            min={1}
            max={3650}
            value={settings.retentionDays}
            onChange={(e) => set({ retentionDays: Number(e.target.value) })}
          />
        </label>
        {longer && (
          <label className="ws-check">
            <input
              type="checkbox"
              checked={confirmLonger}
              onChange={(e) => setConfirmLonger(e.target.checked)}
            />
            Je confirme conserver les noms plus de 7 jours (choix enregistré dans le journal)
          </label>
        )}
        <TimeInput
          label="Heure de l’anonymisation"
          value={settings.retentionTime}
          onChange={(v) => set({ retentionTime: v })}
        />

        <h2>Import automatique des rendez-vous</h2>
        <FolderInput
          label="Dossier surveillé"
          value={settings.import.folder}
          onChange={(folder) => set({ import: { ...settings.import, folder } })}
        />
        <label>
          Heures d’import (séparées par des virgules)
          <input
            type="text"
            value={settings.import.times.join(', ')}
            onChange={(e) =>
              set({
                import: {
                  ...settings.import,
                  times: e.target.value
                    .split(',')
                    .map((t) => t.trim())
                    .filter(Boolean),
                },
              })
            }
          />
        </label>

        <h2>Export nominatif (avant anonymisation)</h2>
        <FolderInput
          label="Dossier de l’export"
          value={settings.nominativeExport.folder}
          onChange={(folder) => set({ nominativeExport: { ...settings.nominativeExport, folder } })}
        />
        <label>
          Format
          <select
            value={settings.nominativeExport.format}
            onChange={(e) =>
              set({
                nominativeExport: {
                  ...settings.nominativeExport,
                  format: e.target.value as DataSettings['nominativeExport']['format'],
                },
              })
            }
          >
            <option value="xlsx">XLSX (Excel, LibreOffice)</option>
            <option value="csv">CSV</option>
          </select>
        </label>
        <TimeInput
          label="Heure de l’export"
          value={settings.nominativeExport.time}
          onChange={(time) => set({ nominativeExport: { ...settings.nominativeExport, time } })}
        />

        <h2>Sauvegardes chiffrées</h2>
        <TimeInput
          label="Heure de la sauvegarde"
          value={settings.backup.time}
          onChange={(time) => set({ backup: { ...settings.backup, time } })}
        />
        <label>
          Conservation (jours)
          <input
            type="number"
            min={1}
            max={365}
            value={settings.backup.keepDays}
            onChange={(e) => set({ backup: { ...settings.backup, keepDays: Number(e.target.value) } })}
          />
        </label>
        <FolderInput
          label="Second dossier (disque USB ou second disque local)"
          value={settings.backup.copyTo}
          onChange={(copyTo) => set({ backup: { ...settings.backup, copyTo } })}
        />
        <button type="button" className="gfa-button" onClick={() => void save()}>
          Enregistrer les réglages
        </button>

        <h2>Phrase de passe des sauvegardes</h2>
        <p>
          {dto.backupPassphraseSet
            ? 'Une phrase de passe est définie.'
            : 'Aucune phrase de passe : les sauvegardes automatiques ne peuvent pas s’exécuter.'}
        </p>
        <label>
          Nouvelle phrase de passe (12 caractères au moins)
          <input
            type="password"
            autoComplete="new-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </label>
        <button
          type="button"
          className="gfa-button"
          disabled={passphrase.length < 12}
          onClick={() => void savePassphrase()}
        >
          Enregistrer la phrase de passe
        </button>
      </section>
    </div>
  );
}
