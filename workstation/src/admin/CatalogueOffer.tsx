/**
 * First start of a real install: the tender's catalogue (categories, visit
 * reasons and their journeys) offered to the first administrator, editable
 * (keep or leave out, rename), applied in one journaled step.
 */
import { useEffect, useState } from 'react';
import type { Catalogue } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { AWAY_LABEL } from '../store.js';

export function CatalogueOffer() {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [left, setLeft] = useState<Set<string>>(new Set());
  useEffect(() => {
    void attempt(() => api.call('catalogueOffer')).then((o) => o?.applicable && setCatalogue(o.catalogue));
  }, []);
  if (!catalogue) return null;

  const toggle = (id: string) => {
    const next = new Set(left);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setLeft(next);
  };
  const rename = (id: string, label: string) =>
    setCatalogue({
      ...catalogue,
      reasons: catalogue.reasons.map((r) => (r.id === id ? { ...r, label } : r)),
    });
  const apply = async () => {
    const reasons = catalogue.reasons.filter((r) => !left.has(`reason:${r.id}`));
    const body: Catalogue = {
      categories: catalogue.categories.filter((c) => !left.has(`category:${c.id}`)),
      reasons,
      journeys: Object.fromEntries(reasons.map((r) => [r.id, catalogue.journeys[r.id] ?? []])),
    };
    const done = await attempt(
      () => api.call('applyCatalogue', { body }),
      'Catalogue appliqué : les catégories, motifs et parcours sont prêts à être ajustés.',
    );
    if (done) setCatalogue(null);
  };

  return (
    <section className="ws-form" aria-label="Catalogue de départ">
      <h2>Installation neuve : catalogue du cahier des charges</h2>
      <p>
        Ce centre n’a encore ni catégorie ni motif. Gardez ou écartez chaque élément, renommez les motifs,
        puis appliquez : tout reste modifiable ensuite dans l’administration.
      </p>
      <fieldset>
        <legend>Catégories de professionnels</legend>
        {catalogue.categories.map((c) => (
          <label key={c.id}>
            <input
              type="checkbox"
              checked={!left.has(`category:${c.id}`)}
              onChange={() => toggle(`category:${c.id}`)}
            />
            {c.label}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Motifs de visite et leur parcours</legend>
        {catalogue.reasons.map((r) => (
          <div key={r.id}>
            <label>
              <input
                type="checkbox"
                checked={!left.has(`reason:${r.id}`)}
                onChange={() => toggle(`reason:${r.id}`)}
              />
              {r.code}
            </label>
            <input
              type="text"
              aria-label={`Libellé du motif ${r.code}`}
              value={r.label}
              onChange={(e) => rename(r.id, e.target.value)}
            />
            <small> — {(catalogue.journeys[r.id] ?? []).map((s) => s.label).join(', ')}</small>
          </div>
        ))}
      </fieldset>
      <p>Motifs d’absence (fixés par GFA) : {Object.values(AWAY_LABEL).join(', ')}.</p>
      <button type="button" className="gfa-button" onClick={() => void apply()}>
        Appliquer ce catalogue
      </button>
    </section>
  );
}
