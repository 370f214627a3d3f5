/** "Momentarily away (why)" / "Back" for a consultant: one control for desks, reception and supervision. */
import type { AwayReason, VisitAction } from '@gfa/shared';
import { AWAY_LABEL } from './store.js';

export function AwayControl(props: {
  /** Set while the consultant is away. */
  readonly awayReason: AwayReason | null;
  /** Whether the consultant may be put away now (waiting, not with a professional). */
  readonly canGoAway: boolean;
  readonly onAct: (action: Extract<VisitAction, { type: 'away' | 'back' }>) => void;
}) {
  if (props.awayReason) {
    return (
      <button type="button" className="gfa-button secondary" onClick={() => props.onAct({ type: 'back' })}>
        De retour ({AWAY_LABEL[props.awayReason]})
      </button>
    );
  }
  if (!props.canGoAway) return null;
  return (
    <select
      aria-label="Mettre momentanément absent"
      value=""
      onChange={(e) => props.onAct({ type: 'away', reason: e.target.value as AwayReason })}
    >
      <option value="">Absent momentanément…</option>
      {Object.entries(AWAY_LABEL).map(([reason, label]) => (
        <option key={reason} value={reason}>
          {label}
        </option>
      ))}
    </select>
  );
}
