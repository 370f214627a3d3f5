/** French names of the journal's record types, for the audit screen's filter and table. */
import { AuditEventType, DomainEventType, type JournalEntry } from '@gfa/shared';

/**
 * Keyed by string rather than by the type union: a record type added to the
 * protocol later shows as its identifier until it gets a label here.
 */
const LABELS: Readonly<Record<string, string>> = {
  'visit.registered': 'Consultant enregistré',
  'visit.checked_in': 'Arrivée à la borne',
  'visit.sent_to_reception': 'Orienté vers l’accueil',
  'visit.offered': 'Consultant proposé',
  'visit.offer_released': 'Proposition libérée',
  'visit.called': 'Appel',
  'visit.recalled': 'Rappel',
  'visit.requeued': 'Remis en file',
  'visit.care_started': 'Début de prise en charge',
  'visit.care_finished': 'Fin de prise en charge',
  'visit.step_added': 'Étape ajoutée',
  'visit.step_skipped': 'Étape sautée',
  'visit.away': 'Absence momentanée',
  'visit.back': 'Retour',
  'visit.transferred': 'Transfert',
  'visit.priority_changed': 'Priorité modifiée',
  'visit.note_added': 'Note ajoutée',
  'visit.check_marked': 'Vérification cochée',
  'visit.left': 'Départ',
  'visit.done': 'Parcours terminé',
  'visit.no_show': 'Non venu',
  'visit.withdrawn': 'Rendez-vous retiré',
  'visit.reopened': 'Fin annulée (parcours repris)',
  'visit.check_unmarked': 'Vérification décochée',
  'desk.changed': 'Poste modifié',
  'auth.login': 'Connexion',
  'auth.login_failed': 'Connexion refusée',
  'auth.logout': 'Déconnexion',
  'checkin.unrecognised': 'Arrivée non reconnue',
  'checkin.journey_over': 'Borne : parcours déjà terminé, orienté vers l’accueil',
  'config.changed': 'Configuration modifiée',
  'import.completed': 'Import des rendez-vous',
  'import.rejected': 'Import refusé',
  'retention.anonymised': 'Anonymisation',
  'user.created': 'Compte créé',
  'device.created': 'Appareil créé',
  'device.enrolment_requested': 'Demande d’appairage',
  'device.approved': 'Appareil appairé',
  'device.refused': 'Appairage refusé',
  'device.revoked': 'Appareil révoqué',
  'auth.totp_enabled': 'Double authentification activée',
  'auth.recovery_code_used': 'Code de secours utilisé',
  'auth.totp_reset': 'Double authentification réinitialisée',
  'auth.logout_everywhere': 'Déconnexion de tous les postes',
  'alert.acknowledged': 'Alerte acquittée',
  'export.created': 'Export',
  'job.completed': 'Tâche exécutée',
  'job.failed': 'Tâche en échec',
  'backup.created': 'Sauvegarde',
  'backup.restored': 'Restauration',
};

export const typeLabel = (type: string): string => LABELS[type] ?? type;

/** Every record type, sorted by its French label for the filter. */
export const AUDIT_TYPES: readonly JournalEntry['type'][] = [
  ...DomainEventType.options,
  ...AuditEventType.options,
].sort((a, b) => typeLabel(a).localeCompare(typeLabel(b), 'fr'));

/** A record's data, readable on one line: "kind: kiosk · hostname: BORNE-1". */
export const details = (data: Record<string, unknown>): string =>
  Object.entries(data)
    .map(([key, value]) => `${key} : ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' · ');
