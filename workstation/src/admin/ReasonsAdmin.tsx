/** Visit reasons with their priority class, and the journey template of each. */
import { useState } from 'react';
import type { CentreConfig, StepTemplate, VisitReason } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { slug } from './slug.js';
import { TemplateEditor } from './TemplateEditor.js';

const blank: VisitReason = { id: '', code: '', label: '', priorityClass: 1, active: true };

export function ReasonsAdmin({ config }: { readonly config: CentreConfig }) {
  const [edited, setEdited] = useState<VisitReason>(blank);
  const [steps, setSteps] = useState<StepTemplate[]>([]);
  const choose = (reason: VisitReason) => {
    setEdited(reason);
    setSteps(config.templates.find((t) => t.reasonId === reason.id)?.steps ?? []);
  };
  const template = config.templates.find((t) => t.reasonId === edited.id);
  const save = async () => {
    const id = edited.id || slug(edited.code || edited.label);
    const { code, label, priorityClass, active } = edited;
    const body = { code, label, priorityClass, active };
    const reason = await attempt(() => api.call('saveReason', { params: { id }, body }));
    if (!reason) return;
    const saved = await attempt(
      () => api.call('saveTemplate', { params: { id }, body: { steps } }),
      'Motif et parcours enregistrés.',
    );
    if (saved) setEdited(reason);
  };
  return (
    <div className="ws-admin-grid">
      <section aria-label="Motifs de visite">
        <h2>Motifs de visite</h2>
        <ul className="ws-list">
          {config.reasons.map((r) => (
            <li key={r.id}>
              <button type="button" className="ws-link" onClick={() => choose(r)}>
                {r.label}
              </button>{' '}
              <small>
                (priorité {r.priorityClass}
                {r.active ? '' : ', inactif'})
              </small>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="gfa-button secondary"
          onClick={() => {
            setEdited(blank);
            setSteps([]);
          }}
        >
          Nouveau motif
        </button>
      </section>
      <form
        className="ws-form"
        aria-label="Motif"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>{edited.id ? `Motif : ${edited.label}` : 'Nouveau motif'}</h2>
        <label>
          Libellé
          <input value={edited.label} onChange={(e) => setEdited({ ...edited, label: e.target.value })} />
        </label>
        <label>
          Code
          <input value={edited.code} onChange={(e) => setEdited({ ...edited, code: e.target.value })} />
        </label>
        <label>
          Classe de priorité (0 à 9, la plus haute passe d’abord)
          <input
            type="number"
            min={0}
            max={9}
            value={edited.priorityClass}
            onChange={(e) => setEdited({ ...edited, priorityClass: Number(e.target.value) })}
          />
        </label>
        <label className="ws-check">
          <input
            type="checkbox"
            checked={edited.active}
            onChange={(e) => setEdited({ ...edited, active: e.target.checked })}
          />
          Motif actif
        </label>
        <h3>Parcours {template ? `(version ${template.version} en service)` : ''}</h3>
        <TemplateEditor config={config} steps={steps} onChange={setSteps} />
        <button type="submit" className="gfa-button">
          Enregistrer le motif et son parcours
        </button>
      </form>
    </div>
  );
}
