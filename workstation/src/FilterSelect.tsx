/** A list filter: a labelled select whose first option keeps every row (« Tous », « Toutes »). */
export function FilterSelect(props: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly all: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">{props.all}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Options from a label table or from configuration items. */
export const optionsOf = (items: Record<string, string> | readonly { id: string; label: string }[]) =>
  Array.isArray(items)
    ? items.map((i) => ({ value: i.id, label: i.label }))
    : Object.entries(items).map(([value, label]) => ({ value, label }));
