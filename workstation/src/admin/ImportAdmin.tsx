/** Appointment files: check (preview report), import with a progress bar, and the history of runs. */
import { useEffect, useState } from 'react';
import type { ImportProfile, ImportReport, ImportRun } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { fileToBase64, uploadAppointments } from './upload.js';
import { ProfileEditor } from './ProfileEditor.js';
import { when } from './when.js';

export function ImportAdmin() {
  const [profiles, setProfiles] = useState<ImportProfile[]>([]);
  const [profile, setProfile] = useState('standard');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [runs, setRuns] = useState<ImportRun[]>([]);
  const loadRuns = () => void attempt(() => api.call('importRuns')).then((r) => r && setRuns(r.runs));
  useEffect(() => {
    void attempt(() => api.call('importProfiles')).then((r) => r && setProfiles(r.profiles));
    loadRuns();
  }, []);

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setReport(null);
    setProgress(0);
    const contentBase64 = await fileToBase64(file);
    const result = await attempt(
      () => uploadAppointments({ file: file.name, contentBase64, profile, dryRun }, setProgress),
      dryRun ? undefined : 'Import terminé.',
    );
    setProgress(null);
    if (result) setReport(result);
    loadRuns();
  };

  return (
    <div className="ws-admin-grid">
      <section className="ws-form" aria-label="Import des rendez-vous">
        <h2>Importer un fichier de rendez-vous</h2>
        <label>
          Fichier CSV exporté de l’agenda
          <input
            type="file"
            accept=".csv,.txt,text/csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <label>
          Correspondance des colonnes
          <select value={profile} onChange={(e) => setProfile(e.target.value)}>
            {profiles.map((p) => (
              <option key={p.name} value={p.name}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <div className="ws-actions">
          <button
            type="button"
            className="gfa-button secondary"
            disabled={!file}
            onClick={() => void send(true)}
          >
            Vérifier le fichier
          </button>
          <button type="button" className="gfa-button" disabled={!file} onClick={() => void send(false)}>
            Importer
          </button>
        </div>
        {progress !== null && (
          <label>
            Envoi du fichier
            <progress max={1} value={progress} aria-label="Progression de l’envoi" />
          </label>
        )}
        {report && <ReportView report={report} />}
      </section>
      <ProfileEditor
        key={`${profile}:${profiles.length}`}
        base={
          profiles.find((p) => p.name === profile) ?? {
            name: profile,
            columns: { lastName: '', firstName: '', birthDate: '', date: '', reason: '' },
          }
        }
        onSaved={(list, name) => {
          setProfiles(list);
          setProfile(name);
        }}
      />
      <section aria-label="Derniers imports">
        <h2>Derniers imports</h2>
        <table className="ws-table">
          <thead>
            <tr>
              <th>Date</th>
              <th>Fichier</th>
              <th>Résultat</th>
              <th>Par</th>
            </tr>
          </thead>
          <tbody>
            {runs.map((r) => (
              <tr key={`${r.at}-${r.file}`}>
                <td>{when(r.at)}</td>
                <td>{r.file}</td>
                <td>
                  {r.outcome === 'completed'
                    ? `${r.created ?? 0} créé(s), ${r.updated ?? 0} modifié(s), ${r.cancelled ?? 0} annulé(s)`
                    : `refusé : ${r.errors ?? 0} erreur(s), rien importé`}
                </td>
                <td>{r.by}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function ReportView({ report }: { readonly report: ImportReport }) {
  const ok = report.errors.length === 0;
  return (
    <div role="status" aria-label="Rapport d’import">
      <p>
        <strong>{report.file}</strong> — {report.rows} ligne(s), encodage {report.encoding}, séparateur «{' '}
        {report.delimiter === '\t' ? 'tabulation' : report.delimiter} ».
      </p>
      {ok ? (
        <p>
          {report.dryRun
            ? `Fichier valide : ${report.created} à créer, ${report.updated} à mettre à jour, ${report.cancelled} à annuler`
            : `Importé : ${report.created} créé(s), ${report.updated} mis à jour, ${report.cancelled} annulé(s)`}
          , {report.kept} laissé(s) tel(s) quel(s) (parcours déjà commencé).
        </p>
      ) : (
        <>
          <p className="ws-message error">
            {report.errors.length} erreur(s) : le fichier n’est pas importé. Corrigez-le puis recommencez.
          </p>
          <table className="ws-table" aria-label="Erreurs du fichier">
            <thead>
              <tr>
                <th>Ligne</th>
                <th>Colonne</th>
                <th>Erreur</th>
              </tr>
            </thead>
            <tbody>
              {report.errors.slice(0, 200).map((e, i) => (
                <tr key={i}>
                  <td>{e.line}</td>
                  <td>{e.column}</td>
                  <td>{e.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
