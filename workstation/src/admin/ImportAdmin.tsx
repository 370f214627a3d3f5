/**
 * Appointment files: check (preview report), then import — « Importer » only
 * once the file passed the check, and, when it cancels more than the
 * profile's threshold, once the administrator confirmed that list — with a
 * progress bar, and the history of runs.
 */
import { useEffect, useState } from 'react';
import {
  count,
  REQUIRED_FIELDS,
  type CentreConfig,
  type ImportProfile,
  type ImportReport,
  type ImportRun,
} from '@gfa/shared';
import { api, attempt } from '../session.js';
import { useWorkstation } from '../store.js';
import { fileToBase64, uploadAppointments } from './upload.js';
import { IntegrationsAdmin } from './IntegrationsAdmin.js';
import { ProfileEditor } from './ProfileEditor.js';
import { ValueMapper } from './ValueMapper.js';
import { when } from './when.js';

const time = (at: number): string =>
  new Date(at).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

export function ImportAdmin({ config }: { readonly config: CentreConfig }) {
  const [profiles, setProfiles] = useState<ImportProfile[]>([]);
  const [profile, setProfile] = useState('standard');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  /** The check that passed for the chosen file and profile: « Importer » needs it. */
  const [checked, setChecked] = useState<ImportReport | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [runs, setRuns] = useState<ImportRun[]>([]);
  const loadRuns = () => void attempt(() => api.call('importRuns')).then((r) => r && setRuns(r.runs));
  useEffect(() => {
    void attempt(() => api.call('importProfiles')).then((r) => r && setProfiles(r.profiles));
    loadRuns();
  }, []);

  const choose = (next: { file?: File | null; profile?: string }) => {
    if (next.file !== undefined) setFile(next.file);
    if (next.profile !== undefined) setProfile(next.profile);
    setChecked(null);
    setConfirmed(false);
    setReport(null);
  };

  const send = async (dryRun: boolean) => {
    if (!file) return;
    setReport(null);
    setProgress(0);
    const contentBase64 = await fileToBase64(file);
    const confirm =
      !dryRun && checked?.confirmationNeeded && confirmed ? { confirmCancellations: checked.cancelled } : {};
    const result = await attempt(() =>
      uploadAppointments({ file: file.name, contentBase64, profile, dryRun, ...confirm }, setProgress),
    );
    setProgress(null);
    if (result) {
      setReport(result);
      const passed = result.errors.length === 0;
      if (dryRun) setChecked(passed ? result : null);
      else {
        setChecked(null);
        setConfirmed(false);
        // A refused file never reads as done.
        useWorkstation
          .getState()
          .say(
            passed ? 'info' : 'error',
            passed ? 'Import terminé.' : 'Fichier refusé : rien n’a été importé.',
          );
      }
    }
    loadRuns();
  };
  const current = profiles.find((p) => p.name === profile);
  const canImport = Boolean(file && checked && (!checked.confirmationNeeded || confirmed));

  return (
    <div className="ws-admin-grid">
      <section className="ws-form" aria-label="Import des rendez-vous">
        <h2>Importer un fichier de rendez-vous</h2>
        <label>
          Fichier exporté de l’agenda (CSV, texte ou Excel .xlsx)
          <input
            type="file"
            accept=".csv,.txt,.xlsx,text/csv"
            onChange={(e) => choose({ file: e.target.files?.[0] ?? null })}
          />
        </label>
        <label>
          Correspondance des colonnes
          <select value={profile} onChange={(e) => choose({ profile: e.target.value })}>
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
          <button type="button" className="gfa-button" disabled={!canImport} onClick={() => void send(false)}>
            Importer
          </button>
        </div>
        {!checked && file && <p>Vérifiez le fichier : « Importer » s’active quand il est accepté.</p>}
        {checked?.confirmationNeeded && (
          <CancellationCheck report={checked} confirmed={confirmed} onConfirm={setConfirmed} />
        )}
        {progress !== null && (
          <label>
            Envoi du fichier
            <progress max={1} value={progress} aria-label="Progression de l’envoi" />
          </label>
        )}
        {report && <ReportView report={report} />}
        {report && current && report.unknownValues.length > 0 && (
          <ValueMapper
            key={`${report.file}:${report.unknownValues.length}`}
            config={config}
            profile={current}
            unknown={report.unknownValues}
            onSaved={(list) => {
              setProfiles(list);
              void send(true);
            }}
          />
        )}
      </section>
      <ProfileEditor
        key={`${profile}:${profiles.length}`}
        base={
          profiles.find((p) => p.name === profile) ?? {
            name: profile,
            columns: Object.fromEntries(REQUIRED_FIELDS.map((f) => [f, ''])) as ImportProfile['columns'],
          }
        }
        onSaved={(list, name) => {
          setProfiles(list);
          choose({ profile: name });
        }}
      />
      <IntegrationsAdmin />
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
                    ? `${count(r.created ?? 0, 'créé', 'créés')}, ${count(r.updated ?? 0, 'modifié', 'modifiés')}, ${count(r.cancelled ?? 0, 'annulé', 'annulés')}`
                    : `refusé : ${count(r.errors ?? 0, 'erreur', 'erreurs')}, rien importé`}
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
        <strong>{report.file}</strong> — {count(report.rows, 'ligne', 'lignes')} de rendez-vous, agenda «{' '}
        {report.source} », {report.encoding === 'xlsx' ? 'classeur Excel' : `encodage ${report.encoding}`}
        {report.delimiter
          ? `, séparateur « ${report.delimiter === '\t' ? 'tabulation' : report.delimiter} »`
          : ''}
        {report.duplicates > 0
          ? `, ${count(report.duplicates, 'ligne en double comptée', 'lignes en double comptées')} une fois`
          : ''}
        .
      </p>
      {ok ? (
        <p>
          {report.dryRun
            ? `Fichier valide : ${report.created} à créer, ${report.updated} à mettre à jour, ${report.cancelled} à annuler`
            : `Importé : ${count(report.created, 'créé', 'créés')}, ${count(report.updated, 'mis à jour', 'mis à jour')}, ${count(report.cancelled, 'annulé', 'annulés')}`}
          , {count(report.kept, 'laissé tel quel', 'laissés tels quels')} (parcours déjà commencé).
        </p>
      ) : (
        <>
          <p className="ws-message error">
            {count(report.errors.length, 'erreur', 'erreurs')} : le fichier n’est pas importé. Corrigez-le (ou
            choisissez les valeurs inconnues ci-dessous) puis vérifiez-le à nouveau.
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

/** The appointments a checked file would cancel, above the profile's threshold: confirmed one by one list. */
function CancellationCheck(props: {
  readonly report: ImportReport;
  readonly confirmed: boolean;
  readonly onConfirm: (confirmed: boolean) => void;
}) {
  const { report } = props;
  return (
    <div className="ws-message error" role="alert" aria-label="Annulations à confirmer">
      <p>
        Ce fichier annule {count(report.cancelled, 'rendez-vous', 'rendez-vous')} de l’agenda «{' '}
        {report.source} ». Vérifiez la liste avant d’importer :
      </p>
      <ul aria-label="Rendez-vous annulés">
        {report.toCancel.slice(0, 200).map((c, i) => (
          <li key={i}>
            {time(c.at)} — {c.name}
          </li>
        ))}
      </ul>
      <label>
        <input
          type="checkbox"
          checked={props.confirmed}
          onChange={(e) => props.onConfirm(e.target.checked)}
        />
        Je confirme l’annulation de ces {count(report.cancelled, 'rendez-vous', 'rendez-vous')}
      </label>
    </div>
  );
}
