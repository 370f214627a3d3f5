/** The choice of where to send a consultant: a professional, or a category's queue. */
import type { CentreConfig, TransferTarget as Target } from '@gfa/shared';

/** `p:<id>` or `c:<id>` → the protocol's transfer target. */
export function transferTarget(value: string): Target {
  const [kind, id] = value.split(':') as [string, string];
  return kind === 'p' ? { kind: 'professional', professionalId: id } : { kind: 'category', categoryId: id };
}

export function TransferTargetSelect(props: {
  readonly config: CentreConfig;
  readonly value: string;
  readonly onChange: (value: string) => void;
}) {
  return (
    <label>
      Transférer vers
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        <option value="">—</option>
        {props.config.professionals
          .filter((p) => p.active)
          .map((p) => (
            <option key={p.id} value={`p:${p.id}`}>
              {p.displayName}
            </option>
          ))}
        {props.config.categories.map((c) => (
          <option key={c.id} value={`c:${c.id}`}>
            File : {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
