/**
 * « Révoquer » with its confirmation: a revocation cannot be undone (a
 * device must be paired again, an agenda given a new key), so the button
 * opens a dialog saying what will happen before anything is revoked.
 */
import { useState } from 'react';
import { ConfirmDialog } from '../security/ConfirmDialog.js';

export function RevokeButton(props: {
  /** Dialog title, e.g. « Révoquer l’appareil ». */
  readonly title: string;
  /** What the revocation does, in French. */
  readonly consequence: string;
  readonly onRevoke: () => void;
}) {
  const [asking, setAsking] = useState(false);
  return (
    <>
      <button type="button" className="gfa-button secondary" onClick={() => setAsking(true)}>
        Révoquer
      </button>
      {asking && (
        <ConfirmDialog
          title={props.title}
          text={props.consequence}
          confirmLabel="Révoquer"
          onConfirm={() => {
            setAsking(false);
            props.onRevoke();
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}
