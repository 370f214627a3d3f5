/** The French name of each kind of supervision alert (rules screen and board). */
import type { AlertKind } from '@gfa/shared';

export const KIND_LABEL: Record<AlertKind, string> = {
  wait_too_long: 'Attente trop longue',
  journey_too_long: 'Parcours trop long',
  idle_too_long: 'Professionnel inactif trop longtemps',
  self_sample_not_received: 'Auto-prélèvement non reçu',
  called_not_arrived: 'Appelé mais non présenté',
  expected_late: 'Consultant attendu en retard',
};
