/** French names of the journal's record types, for the audit screen's filter and table. */
import { AuditEventType, DomainEventType, fieldLabel, type JournalEntry } from '@gfa/shared';

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
  'visit.facilitator_joined': 'Co-animateur ajouté à la séance',
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
  'satisfaction.recorded': 'Borne : avis de satisfaction',
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

/** Resolves an id (professional, reason, category, room, consultant) to what people call it. */
export type NameOf = (id: string) => string | undefined;

const SUBJECT: Readonly<Record<string, string>> = {
  user: 'Compte',
  category: 'Catégorie',
  room: 'Salle',
  reason: 'Motif',
  template: 'Parcours du motif',
  'display-settings': 'Réglages des écrans',
  'alert-rules': 'Règles d’alerte',
  policy: 'Règles d’attribution',
  'opening-hours': 'Horaires d’ouverture',
};

function value(v: unknown, name: NameOf): string | null {
  if (typeof v === 'string') return name(v) ?? v;
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v.map((x) => name(x) ?? x).join(', ');
  return null;
}

/** « Compte Sophie Bernard », « Réglages des écrans »: a change's subject, from "user:sophie". */
function subject(raw: string, name: NameOf): string {
  const [kind, id] = raw.includes(':') ? (raw.split(/:(.*)/s) as [string, string]) : [raw, ''];
  const what = SUBJECT[kind] ?? kind;
  return id ? `${what} ${name(id) ?? id}` : what;
}

/** The fields a change touched, by their French names. */
function changed(before: unknown, after: unknown): string[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => fieldLabel([k]).toLowerCase());
}

/**
 * A record's data, readable on one line, with names instead of ids and no
 * JSON: « Objet : Compte Sophie Bernard · Modifié : rôles, salle par défaut ».
 */
export function details(data: Record<string, unknown>, name: NameOf = () => undefined): string {
  const parts: string[] = [];
  if (typeof data.subject === 'string') parts.push(`Objet : ${subject(data.subject, name)}`);
  if ('before' in data || 'after' in data) {
    const fields = changed(data.before, data.after);
    if (data.before === null) parts.push('Création');
    else if (fields.length) parts.push(`Modifié : ${fields.join(', ')}`);
  }
  for (const [key, raw] of Object.entries(data)) {
    if (key === 'subject' || key === 'before' || key === 'after') continue;
    const shown = value(raw, name);
    if (shown !== null) parts.push(`${fieldLabel([key])} : ${shown}`);
  }
  return parts.join(' · ');
}
