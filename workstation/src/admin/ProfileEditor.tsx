/** The column mapping of an agenda's CSV export, saved once as a named profile. */
import { useState } from 'react';
import { APPOINTMENT_FIELDS, FIELD_KEYS, type ImportProfile } from '@gfa/shared';
import { api, attempt } from '../session.js';

export function ProfileEditor(props: {
  readonly base: ImportProfile;
  readonly onSaved: (profiles: ImportProfile[], name: string) => void;
}) {
  const [name, setName] = useState(props.base.name === 'standard' ? '' : props.base.name);
  const [columns, setColumns] = useState<Record<string, string>>({ ...props.base.columns });
  const [source, setSource] = useState(props.base.source ?? '');
  const [threshold, setThreshold] = useState(String(props.base.cancelThreshold ?? 10));
  const [unattended, setUnattended] = useState(Boolean(props.base.unattendedCancellations));
  const save = async () => {
    // Empty optional columns are simply not mapped: nothing of the kind is stored.
    const mapped = Object.fromEntries(Object.entries(columns).filter(([, v]) => v.trim() !== ''));
    const saved = await attempt(
      () =>
        api.call('saveImportProfile', {
          body: {
            name,
            columns: mapped as ImportProfile['columns'],
            ...(source.trim() ? { source: source.trim() } : {}),
            cancelThreshold: Number(threshold) || 0,
            unattendedCancellations: unattended,
          },
        }),
      `Profil « ${name} » enregistré.`,
    );
    if (saved) props.onSaved(saved.profiles, name);
  };
  return (
    <section className="ws-form" aria-label="Correspondance des colonnes">
      <h2>Correspondance des colonnes</h2>
      <p>Indiquez, pour chaque information, l’en-tête de la colonne dans le fichier de votre agenda.</p>
      <label>
        Nom du profil
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      {FIELD_KEYS.map((field) => (
        <label key={field}>
          {APPOINTMENT_FIELDS[field].label}
          {APPOINTMENT_FIELDS[field].required ? ' (obligatoire)' : ''}
          <input
            type="text"
            value={columns[field] ?? ''}
            onChange={(e) => setColumns({ ...columns, [field]: e.target.value })}
          />
        </label>
      ))}
      <label>
        Agenda de ces fichiers (vide : le nom de ce profil) — un import ne remplace et n’annule que les
        rendez-vous de son agenda
        <input type="text" value={source} onChange={(e) => setSource(e.target.value)} />
      </label>
      <label>
        Au-delà de combien d’annulations demander une confirmation
        <input type="number" min={0} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={unattended} onChange={(e) => setUnattended(e.target.checked)} />
        Le dossier surveillé peut appliquer un fichier qui annule davantage (sinon il le refuse)
      </label>
      <button type="button" className="gfa-button" disabled={!name.trim()} onClick={() => void save()}>
        Enregistrer le profil
      </button>
    </section>
  );
}
