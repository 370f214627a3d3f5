/** How the centre works: assignment policy, alert rules, opening hours, TV displays (Administration). */
import { AlertRule, DisplaySettings, OpeningHours, PolicySettings } from '@gfa/shared';
import { z } from 'zod';
import { addMissingBy, setting } from './setting.js';

/** A new centre starts with these alerts; the administrator tunes or switches them off. */
export const DEFAULT_ALERT_RULES: AlertRule[] = (
  [
    ['attente', 'wait_too_long', 30],
    ['parcours', 'journey_too_long', 240],
    ['inactivite', 'idle_too_long', 30],
    ['autoprelevement', 'self_sample_not_received', 60],
    ['appel', 'called_not_arrived', 10],
    ['retard', 'expected_late', 20],
  ] as const
).map(([id, kind, thresholdMinutes]) => ({
  id,
  kind,
  thresholdMinutes,
  reasonId: null,
  categoryId: null,
  active: true,
}));

export const CENTRE_SETTINGS = {
  policy: setting({
    schema: PolicySettings,
    defaultValue: { maxWaitMinutes: 45, autoAssign: true },
    description:
      'Affectation et priorités : attente maximale avant toute classe de priorité, proposition automatique.',
  }),
  alertRules: setting({
    schema: z.array(AlertRule),
    defaultValue: DEFAULT_ALERT_RULES,
    description:
      'Règles d’alerte des superviseurs (seuil, motif, catégorie, active) ; une sorte d’alerte nouvelle arrive avec sa règle par défaut.',
    // Switched off, a rule stays in the list (active: false): a kind absent from it is one this centre never had.
    merge: addMissingBy('kind'),
  }),
  openingHours: setting({
    schema: OpeningHours,
    defaultValue: { days: [1, 2, 3, 4, 5], opens: '07:30', closes: '17:30' },
    description: 'Jours et heures d’ouverture : les alertes et l’inactivité ne comptent qu’à l’intérieur.',
  }),
  display: setting({
    schema: DisplaySettings,
    defaultValue: { speech: false, nameFormat: 'civility' },
    description:
      'Écrans d’appel : synthèse vocale, forme du nom (civilité ou initiale), durée d’affichage d’un appel.',
  }),
};
