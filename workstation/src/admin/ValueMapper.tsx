/** « Valeur inconnue : choisir… »: maps the agenda's wording of reasons and professionals, saved in the profile. */
import { useState } from 'react';
import type { CentreConfig, ImportProfile, ImportReport } from '@gfa/shared';
import { api, attempt } from '../session.js';

export function ValueMapper(props: {
  readonly config: CentreConfig;
  readonly profile: ImportProfile;
  readonly unknown: ImportReport['unknownValues'];
  readonly onSaved: (profiles: ImportProfile[]) => void;
}) {
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const key = (u: ImportReport['unknownValues'][number]) => `${u.field}|${u.value}`;
  const options = (field: 'reason' | 'professional') =>
    field === 'reason'
      ? props.config.reasons.filter((r) => r.active).map((r) => [r.id, r.label] as const)
      : props.config.professionals.filter((p) => p.active).map((p) => [p.id, p.displayName] as const);
  const save = async () => {
    const values = {
      reasons: { ...props.profile.values?.reasons },
      professionals: { ...props.profile.values?.professionals },
    };
    for (const u of props.unknown) {
      const id = chosen[key(u)];
      if (id) (u.field === 'reason' ? values.reasons : values.professionals)[u.value] = id;
    }
    const saved = await attempt(
      () => api.call('saveImportValues', { body: { profile: props.profile.name, values } }),
      'Correspondances enregistrées : vérifiez à nouveau le fichier.',
    );
    if (saved) props.onSaved(saved.profiles);
  };
  return (
    <section aria-label="Valeurs inconnues">
      <h3>Valeurs de l’agenda inconnues de GFA</h3>
      <p>
        Choisissez ce que chaque valeur désigne : le choix est enregistré dans le profil «{' '}
        {props.profile.name} » et servira aux prochains fichiers.
      </p>
      {props.unknown.map((u) => (
        <label key={key(u)}>
          {u.field === 'reason' ? 'Motif' : 'Professionnel'} « {u.value} » (
          {u.lines.length > 1 ? `lignes ${u.lines.slice(0, 10).join(', ')}` : `ligne ${u.lines[0]}`})
          <select
            value={chosen[key(u)] ?? ''}
            onChange={(e) => setChosen({ ...chosen, [key(u)]: e.target.value })}
          >
            <option value="">valeur inconnue : choisir…</option>
            {options(u.field).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button
        type="button"
        className="gfa-button"
        disabled={Object.values(chosen).every((v) => !v)}
        onClick={() => void save()}
      >
        Enregistrer les correspondances
      </button>
    </section>
  );
}
