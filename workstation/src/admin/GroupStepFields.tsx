/**
 * « Séance collective » of one journey step (rules Q-GROUP-*): the step is then run for a group — up to its
 * capacity of participants at once (10 at most), by one or two facilitators serving its queue.
 */
import type { GroupSettings, StepTemplate } from '@gfa/shared';

const DEFAULT_GROUP: GroupSettings = { capacity: 10, facilitators: 2 };

export function GroupStepFields(props: {
  readonly step: StepTemplate;
  readonly index: number;
  readonly onChange: (group: GroupSettings | undefined) => void;
}) {
  const { step, index, onChange } = props;
  const group = step.group;
  return (
    <fieldset className="ws-group-step">
      <legend>Séance collective</legend>
      <label className="ws-check">
        <input
          type="checkbox"
          aria-label={`Séance collective pour l’étape ${index + 1}`}
          checked={group !== undefined}
          onChange={(e) => onChange(e.target.checked ? DEFAULT_GROUP : undefined)}
        />
        Séance collective (les participants sont appelés ensemble)
      </label>
      {group && (
        <>
          <label>
            Participants au plus
            <input
              type="number"
              aria-label={`Capacité de la séance de l’étape ${index + 1}`}
              min={2}
              max={10}
              value={group.capacity}
              onChange={(e) => onChange({ ...group, capacity: Number(e.target.value) })}
            />
          </label>
          <label>
            Animateurs
            <select
              aria-label={`Animateurs de la séance de l’étape ${index + 1}`}
              value={group.facilitators}
              onChange={(e) => onChange({ ...group, facilitators: Number(e.target.value) })}
            >
              <option value={1}>Un animateur</option>
              <option value={2}>Deux animateurs</option>
            </select>
          </label>
        </>
      )}
    </fieldset>
  );
}
