/**
 * The board's alerts, grouped by kind with their counts, each group
 * collapsible: with forty alerts the board still fits the screen.
 */
import { useState } from 'react';
import { count, type ActiveAlert, type AlertKind } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { useWorkstation } from '../store.js';
import { KIND_LABEL } from '../alert-kinds.js';

/** A group with more alerts than this starts folded. */
const OPEN_UP_TO = 3;

export function AlertGroups(props: {
  readonly alerts: readonly ActiveAlert[];
  readonly onSelect: (visitId: string) => void;
}) {
  const [folded, setFolded] = useState<Partial<Record<AlertKind, boolean>>>({});
  if (props.alerts.length === 0) return <p className="ws-empty">Aucune alerte.</p>;
  const kinds = [...new Set(props.alerts.map((a) => a.kind))];
  const pending = props.alerts.filter((a) => !a.acknowledged).length;
  return (
    <section className="ws-alerts" aria-label="Alertes">
      <h2>
        Alertes : {props.alerts.length}
        {pending > 0 ? ` (${pending} à acquitter)` : ''}
      </h2>
      {kinds.map((kind) => {
        const list = props.alerts.filter((a) => a.kind === kind);
        const waiting = list.filter((a) => !a.acknowledged).length;
        const open = !(folded[kind] ?? list.length > OPEN_UP_TO);
        return (
          <details
            key={kind}
            open={open}
            onToggle={(e) => {
              const isOpen = (e.currentTarget as HTMLDetailsElement).open;
              if (isOpen !== open) setFolded((f) => ({ ...f, [kind]: !isOpen }));
            }}
          >
            <summary>
              {KIND_LABEL[kind]} : {list.length}
              {waiting > 0 ? `, dont ${count(waiting, 'non acquittée', 'non acquittées')}` : ''}
            </summary>
            <ul>
              {list.map((a) => (
                <li key={a.key} className={a.acknowledged ? 'acknowledged' : 'active'}>
                  {/* The role sits inside the item: a list holds only list items. */}
                  <span role={a.acknowledged ? undefined : 'alert'}>{a.message}</span>
                  {a.visitId && (
                    <button
                      type="button"
                      className="gfa-button secondary"
                      onClick={() => props.onSelect(a.visitId as string)}
                    >
                      Voir
                    </button>
                  )}
                  {!a.acknowledged && (
                    <button
                      type="button"
                      className="gfa-button"
                      onClick={() =>
                        void attempt(
                          () => api.call('acknowledgeAlert', { body: { key: a.key } }),
                          'Alerte acquittée.',
                        ).then(() => useWorkstation.getState().boardChanged())
                      }
                    >
                      Acquitter
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </details>
        );
      })}
    </section>
  );
}
