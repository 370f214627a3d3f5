/**
 * One scope of an alert rule (its reason, its category) in the rules table:
 * a picker whose first option keeps every item, or « — » when the rule's
 * kind does not honour that scope (a picker there would change nothing).
 */
export function ScopeCell(props: {
  readonly applies: boolean;
  readonly label: string;
  readonly value: string | null;
  readonly all: string;
  readonly items: readonly { readonly id: string; readonly label: string }[];
  readonly onChange: (id: string | null) => void;
}) {
  return (
    <td>
      {props.applies ? (
        <select
          aria-label={props.label}
          value={props.value ?? ''}
          onChange={(e) => props.onChange(e.target.value || null)}
        >
          <option value="">{props.all}</option>
          {props.items.map((x) => (
            <option key={x.id} value={x.id}>
              {x.label}
            </option>
          ))}
        </select>
      ) : (
        <span title="Ce réglage ne s’applique pas à ce type d’alerte">—</span>
      )}
    </td>
  );
}
