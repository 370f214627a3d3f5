/**
 * A one-click action that cannot be taken by a slip: the first click asks,
 * the second confirms, « Non » (or Échap) leaves everything as it was.
 */
import { useState } from 'react';

export function ConfirmAction(props: {
  readonly label: string;
  /** The question, e.g. « Confirmer le départ de M. DURAND ? ». */
  readonly question: string;
  readonly onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="gfa-button secondary" onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <span
      className="ws-confirm"
      role="group"
      aria-label={props.question}
      onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}
    >
      <span>{props.question}</span>
      <button
        type="button"
        className="gfa-button"
        autoFocus
        onClick={() => {
          setAsking(false);
          props.onConfirm();
        }}
      >
        Oui, confirmer
      </button>
      <button type="button" className="gfa-button secondary" onClick={() => setAsking(false)}>
        Non
      </button>
    </span>
  );
}
