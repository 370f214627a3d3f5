/**
 * The journey editor: steps with their target (category, named
 * professional, the appointment's professional, a reason's queue), estimated
 * duration, order constraints ("after"), whether they are optional and
 * whether they are run as a group session.
 */
import type { CentreConfig, StepTarget, StepTemplate } from '@gfa/shared';
import { slug } from './slug.js';
import { GroupStepFields } from './GroupStepFields.js';

/** `c:<id>`, `p:<id>`, `a:<fallback category>`, `r:<reason>` ↔ the step's target. */
const encode = (t: StepTarget): string =>
  t.kind === 'category'
    ? `c:${t.categoryId}`
    : t.kind === 'professional'
      ? `p:${t.professionalId}`
      : t.kind === 'reason'
        ? `r:${t.reasonId}`
        : `a:${t.fallbackCategoryId}`;
function decode(value: string): StepTarget {
  const [kind, id] = value.split(':') as [string, string];
  if (kind === 'p') return { kind: 'professional', professionalId: id };
  if (kind === 'r') return { kind: 'reason', reasonId: id };
  if (kind === 'a') return { kind: 'appointment_professional', fallbackCategoryId: id };
  return { kind: 'category', categoryId: id };
}

export function TemplateEditor(props: {
  readonly config: CentreConfig;
  readonly steps: readonly StepTemplate[];
  readonly onChange: (steps: StepTemplate[]) => void;
}) {
  const { config, steps, onChange } = props;
  const update = (i: number, patch: Partial<StepTemplate>) =>
    onChange(steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) => {
    const next = [...steps];
    const [step] = next.splice(i, 1);
    if (step) next.splice(i + by, 0, step);
    onChange(next);
  };
  const add = () => {
    const category = config.categories[0];
    if (!category) return;
    const previous = steps.at(-1);
    onChange([
      ...steps,
      {
        key: `etape-${steps.length + 1}`,
        label: '',
        target: { kind: 'category', categoryId: category.id },
        estimatedMinutes: 15,
        after: previous ? [previous.key] : [],
        optional: false,
      },
    ]);
  };
  return (
    <div className="ws-template" aria-label="Étapes du parcours">
      <ol>
        {steps.map((step, i) => (
          <li key={i} className="ws-template-step">
            <label>
              Étape
              <input
                aria-label={`Libellé de l’étape ${i + 1}`}
                value={step.label}
                onChange={(e) => {
                  const label = e.target.value;
                  // The key follows the label until the step is referenced by another.
                  const referenced = steps.some((s) => s.after.includes(step.key));
                  update(i, { label, ...(referenced ? {} : { key: slug(label) || step.key }) });
                }}
              />
            </label>
            <label>
              Pour
              <select
                aria-label={`Destinataire de l’étape ${i + 1}`}
                value={encode(step.target)}
                onChange={(e) => update(i, { target: decode(e.target.value) })}
              >
                {config.categories.map((c) => (
                  <option key={`c${c.id}`} value={`c:${c.id}`}>
                    Catégorie : {c.label}
                  </option>
                ))}
                {config.categories.map((c) => (
                  <option key={`a${c.id}`} value={`a:${c.id}`}>
                    Professionnel du rendez-vous (sinon {c.label})
                  </option>
                ))}
                {config.professionals.map((p) => (
                  <option key={`p${p.id}`} value={`p:${p.id}`}>
                    {p.displayName}
                  </option>
                ))}
                {config.reasons.map((r) => (
                  <option key={`r${r.id}`} value={`r:${r.id}`}>
                    File du motif : {r.label}
                  </option>
                ))}
              </select>
            </label>
            <label>
              Durée estimée (min)
              <input
                type="number"
                min={1}
                max={480}
                value={step.estimatedMinutes}
                onChange={(e) => update(i, { estimatedMinutes: Number(e.target.value) })}
              />
            </label>
            <fieldset>
              <legend>Après</legend>
              {steps
                .filter((other) => other.key !== step.key)
                .map((other) => (
                  <label key={other.key} className="ws-check">
                    <input
                      type="checkbox"
                      checked={step.after.includes(other.key)}
                      onChange={() =>
                        update(i, {
                          after: step.after.includes(other.key)
                            ? step.after.filter((k) => k !== other.key)
                            : [...step.after, other.key],
                        })
                      }
                    />
                    {other.label || other.key}
                  </label>
                ))}
            </fieldset>
            <label className="ws-check">
              <input
                type="checkbox"
                checked={step.optional}
                onChange={(e) => update(i, { optional: e.target.checked })}
              />
              Facultative
            </label>
            <GroupStepFields step={step} index={i} onChange={(group) => update(i, { group })} />
            <div className="ws-actions">
              <button
                type="button"
                className="gfa-button secondary"
                disabled={i === 0}
                onClick={() => move(i, -1)}
              >
                Monter
              </button>
              <button
                type="button"
                className="gfa-button secondary"
                disabled={i === steps.length - 1}
                onClick={() => move(i, 1)}
              >
                Descendre
              </button>
              <button
                type="button"
                className="gfa-button secondary"
                onClick={() =>
                  onChange(
                    steps
                      .filter((_, j) => j !== i)
                      .map((s) => ({ ...s, after: s.after.filter((k) => k !== step.key) })),
                  )
                }
              >
                Retirer
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" className="gfa-button secondary" onClick={add}>
        Ajouter une étape
      </button>
    </div>
  );
}
