/**
 * An in-page confirmation for actions that cannot be undone (revoking a
 * device, resetting a second factor): modal, labelled, keyboard-usable.
 */
import { useEffect, useRef } from 'react';

export function ConfirmDialog(props: {
  readonly title: string;
  readonly text: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog ref={ref} className="ws-dialog" aria-label={props.title} onCancel={props.onCancel}>
      <h2>{props.title}</h2>
      <p>{props.text}</p>
      <div className="ws-actions">
        <button type="button" className="gfa-button danger" onClick={props.onConfirm}>
          {props.confirmLabel}
        </button>
        <button type="button" className="gfa-button secondary" onClick={props.onCancel}>
          Annuler
        </button>
      </div>
    </dialog>
  );
}
