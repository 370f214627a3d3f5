/** Rooms (shown on the TV screens) and professional categories. */
import { useState } from 'react';
import type { CentreConfig } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { slug } from './slug.js';

interface Item {
  readonly id: string;
  readonly label: string;
  readonly code?: string;
  readonly administrative?: boolean;
}

/** A list of labelled items, each editable, plus a form to add one. */
function LabelledList(props: {
  readonly title: string;
  readonly items: readonly Item[];
  readonly withCode: boolean;
  /** A yes/no setting of each item, with its label (categories: administrative staff). */
  readonly flag?: string;
  readonly save: (item: Item) => Promise<unknown>;
}) {
  const [edited, setEdited] = useState<Item>({ id: '', label: '', code: '' });
  return (
    <section className="ws-form" aria-label={props.title}>
      <h2>{props.title}</h2>
      <ul className="ws-list">
        {props.items.map((item) => (
          <li key={item.id}>
            <button type="button" className="ws-link" onClick={() => setEdited(item)}>
              {item.label}
            </button>
            {item.code ? <small> ({item.code})</small> : null}
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const id = edited.id || slug(edited.label);
          void props.save({ ...edited, id }).then((ok) => ok && setEdited({ id: '', label: '', code: '' }));
        }}
      >
        <label>
          Libellé
          <input value={edited.label} onChange={(e) => setEdited({ ...edited, label: e.target.value })} />
        </label>
        {props.withCode && (
          <label>
            Code
            <input
              value={edited.code ?? ''}
              onChange={(e) => setEdited({ ...edited, code: e.target.value })}
            />
          </label>
        )}
        {props.flag && (
          <label className="ws-check">
            <input
              type="checkbox"
              checked={edited.administrative ?? false}
              onChange={(e) => setEdited({ ...edited, administrative: e.target.checked })}
            />
            {props.flag}
          </label>
        )}
        <button type="submit" className="gfa-button">
          {edited.id ? 'Enregistrer' : 'Ajouter'}
        </button>
      </form>
    </section>
  );
}

export function PlacesAdmin({ config }: { readonly config: CentreConfig }) {
  return (
    <div className="ws-admin-grid">
      <LabelledList
        title="Salles"
        items={config.rooms}
        withCode={false}
        save={(room) =>
          attempt(
            () => api.call('saveRoom', { params: { id: room.id }, body: { label: room.label } }),
            'Salle enregistrée.',
          )
        }
      />
      <LabelledList
        title="Catégories de professionnels"
        items={config.categories}
        withCode
        flag="Personnel administratif (pas de contrôles cliniques)"
        save={(category) =>
          attempt(
            () =>
              api.call('saveCategory', {
                params: { id: category.id },
                body: {
                  label: category.label,
                  code: category.code || category.id,
                  administrative: category.administrative ?? false,
                },
              }),
            'Catégorie enregistrée.',
          )
        }
      />
    </div>
  );
}
