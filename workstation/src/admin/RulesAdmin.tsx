/** Assignment policy, alert rules, opening hours and the TV screens' settings. */
import { useEffect, useState } from 'react';
import {
  DEFAULT_HOLD_SECONDS,
  honouredScope,
  honours,
  OFFER_CHIME_REPEAT_DEFAULT,
  REQUEUE_COOLDOWN_DEFAULT,
  type AlertRule,
  type CentreConfig,
  type DisplaySettings,
  type OpeningHours,
  type PolicySettings,
} from '@gfa/shared';
import { api, attempt } from '../session.js';
import { KIND_LABEL } from '../alert-kinds.js';
import { ScopeCell } from './ScopeCell.js';

const DAYS = ['lun.', 'mar.', 'mer.', 'jeu.', 'ven.', 'sam.', 'dim.'];

export function RulesAdmin({ config }: { readonly config: CentreConfig }) {
  const [policy, setPolicy] = useState<PolicySettings>(config.policy);
  const [rules, setRules] = useState<AlertRule[]>(config.alertRules);
  const [hours, setHours] = useState<OpeningHours>(config.openingHours);
  const [display, setDisplay] = useState<DisplaySettings | null>(null);
  useEffect(() => void attempt(() => api.call('displaySettings')).then(setDisplay), []);
  const rule = (i: number, patch: Partial<AlertRule>) =>
    setRules(rules.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <div className="ws-admin-grid">
      <section className="ws-form" aria-label="Règles d’alerte">
        <h2>Règles d’alerte</h2>
        <table className="ws-table">
          <thead>
            <tr>
              <th>Alerte</th>
              <th>Seuil (min)</th>
              <th>Motif</th>
              <th>Catégorie</th>
              <th>Active</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={r.id}>
                <td>
                  <select
                    aria-label="Type d’alerte"
                    value={r.kind}
                    onChange={(e) =>
                      setRules(
                        rules.map((x, j) =>
                          j === i ? honouredScope({ ...x, kind: e.target.value as AlertRule['kind'] }) : x,
                        ),
                      )
                    }
                  >
                    {Object.entries(KIND_LABEL).map(([kind, label]) => (
                      <option key={kind} value={kind}>
                        {label}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {honours(r.kind, 'threshold') && (
                    <input
                      aria-label={`Seuil de l’alerte ${KIND_LABEL[r.kind]}`}
                      type="number"
                      min={1}
                      max={600}
                      value={r.thresholdMinutes}
                      onChange={(e) => rule(i, { thresholdMinutes: Number(e.target.value) })}
                    />
                  )}
                </td>
                <ScopeCell
                  applies={honours(r.kind, 'reason')}
                  label={`Motif de l’alerte ${KIND_LABEL[r.kind]}`}
                  value={r.reasonId}
                  all="Tous"
                  items={config.reasons}
                  onChange={(reasonId) => rule(i, { reasonId })}
                />
                <ScopeCell
                  applies={honours(r.kind, 'category')}
                  label={`Catégorie de l’alerte ${KIND_LABEL[r.kind]}`}
                  value={r.categoryId}
                  all="Toutes"
                  items={config.categories}
                  onChange={(categoryId) => rule(i, { categoryId })}
                />
                <td>
                  <input
                    type="checkbox"
                    checked={r.active}
                    onChange={(e) => rule(i, { active: e.target.checked })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="ws-actions">
          <button
            type="button"
            className="gfa-button secondary"
            onClick={() =>
              setRules([
                ...rules,
                {
                  id: `regle-${Date.now().toString(36)}`,
                  kind: 'wait_too_long',
                  thresholdMinutes: 30,
                  reasonId: null,
                  categoryId: null,
                  active: true,
                },
              ])
            }
          >
            Ajouter une règle
          </button>
          <button
            type="button"
            className="gfa-button"
            onClick={() =>
              void attempt(
                () => api.call('saveAlertRules', { body: { rules } }),
                'Règles d’alerte enregistrées.',
              )
            }
          >
            Enregistrer les alertes
          </button>
        </div>
      </section>
      <section className="ws-form" aria-label="Affectation">
        <h2>Affectation et priorités</h2>
        <label>
          Au-delà de cette attente (min), un consultant passe avant toute classe de priorité
          <input
            type="number"
            min={1}
            max={480}
            value={policy.maxWaitMinutes}
            onChange={(e) => setPolicy({ ...policy, maxWaitMinutes: Number(e.target.value) })}
          />
        </label>
        <label className="ws-check">
          <input
            type="checkbox"
            checked={policy.autoAssign}
            onChange={(e) => setPolicy({ ...policy, autoAssign: e.target.checked })}
          />
          Proposer automatiquement le consultant suivant au professionnel disponible
        </label>
        <label>
          Un consultant « remis en file » n’est pas reproposé au même professionnel avant (min)
          <input
            type="number"
            min={0}
            max={60}
            value={policy.requeueCooldownMinutes ?? REQUEUE_COOLDOWN_DEFAULT}
            onChange={(e) => setPolicy({ ...policy, requeueCooldownMinutes: Number(e.target.value) })}
          />
        </label>
        <label>
          Répéter le signal d’un consultant proposé toutes les (s, 0 = une seule fois)
          <input
            type="number"
            min={0}
            max={600}
            value={policy.offerChimeRepeatSeconds ?? OFFER_CHIME_REPEAT_DEFAULT}
            onChange={(e) => setPolicy({ ...policy, offerChimeRepeatSeconds: Number(e.target.value) })}
          />
        </label>
        <button
          type="button"
          className="gfa-button"
          onClick={() =>
            void attempt(() => api.call('savePolicy', { body: policy }), 'Règles d’affectation enregistrées.')
          }
        >
          Enregistrer
        </button>
        <h2>Horaires d’ouverture</h2>
        <div className="ws-days">
          {DAYS.map((label, i) => (
            <label key={label} className="ws-check">
              <input
                type="checkbox"
                checked={hours.days.includes(i + 1)}
                onChange={() =>
                  setHours({
                    ...hours,
                    days: hours.days.includes(i + 1)
                      ? hours.days.filter((d) => d !== i + 1)
                      : [...hours.days, i + 1].sort(),
                  })
                }
              />
              {label}
            </label>
          ))}
        </div>
        <label>
          Ouverture
          <input
            type="time"
            value={hours.opens}
            onChange={(e) => setHours({ ...hours, opens: e.target.value })}
          />
        </label>
        <label>
          Fermeture
          <input
            type="time"
            value={hours.closes}
            onChange={(e) => setHours({ ...hours, closes: e.target.value })}
          />
        </label>
        <button
          type="button"
          className="gfa-button"
          onClick={() =>
            void attempt(() => api.call('saveOpeningHours', { body: hours }), 'Horaires enregistrés.')
          }
        >
          Enregistrer les horaires
        </button>
        {display && (
          <>
            <h2>Écrans d’appel</h2>
            <label className="ws-check">
              <input
                type="checkbox"
                checked={display.speech}
                onChange={(e) => setDisplay({ ...display, speech: e.target.checked })}
              />
              Annonce vocale des appels
            </label>
            <label className="ws-check">
              <input
                type="checkbox"
                checked={display.categoryWaits === true}
                onChange={(e) => setDisplay({ ...display, categoryWaits: e.target.checked })}
              />
              Afficher l’attente estimée par catégorie (sans nom)
            </label>
            <label>
              Nom affiché
              <select
                value={display.nameFormat}
                onChange={(e) =>
                  setDisplay({ ...display, nameFormat: e.target.value as DisplaySettings['nameFormat'] })
                }
              >
                <option value="civility">Civilité et nom (Mme DUPONT)</option>
                <option value="initial">Initiale du prénom et nom (J. DUPONT)</option>
              </select>
            </label>
            <label>
              Durée d’affichage d’un appel (secondes)
              <input
                type="number"
                min={3}
                max={60}
                value={display.holdSeconds ?? DEFAULT_HOLD_SECONDS}
                onChange={(e) => setDisplay({ ...display, holdSeconds: Number(e.target.value) })}
              />
            </label>
            <button
              type="button"
              className="gfa-button"
              onClick={() =>
                void attempt(
                  () => api.call('saveDisplaySettings', { body: display }),
                  'Réglages des écrans enregistrés.',
                )
              }
            >
              Enregistrer les écrans
            </button>
          </>
        )}
      </section>
    </div>
  );
}
