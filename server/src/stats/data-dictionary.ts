/**
 * What every table and column of the database means, in French: the sheet
 * and column names of the reversibility export and its « Dictionnaire »
 * sheet, so that a third party can take the data over without GFA.
 * A column added to the schema must be described here (a test checks it).
 */
import { APPOINTMENT_FIELDS, FIELD_KEYS } from '@gfa/shared';
import type { ColumnType } from './tables.js';

export interface ColumnMeaning {
  readonly label: string;
  readonly type: ColumnType;
  readonly description: string;
  /** Consultants' personal data, erased by the anonymisation (from the declared field table). */
  readonly personal?: true;
}
export interface TableMeaning {
  readonly label: string;
  readonly description: string;
  readonly columns: Readonly<Record<string, ColumnMeaning>>;
}

const text = (label: string, description: string): ColumnMeaning => ({ label, type: 'text', description });
const num = (label: string, description: string): ColumnMeaning => ({ label, type: 'number', description });
const day = (label: string, description: string): ColumnMeaning => ({
  label,
  type: 'date',
  description: `${description} (date, AAAA-MM-JJ)`,
});
const at = (label: string, description: string): ColumnMeaning => ({
  label,
  type: 'datetime',
  description: `${description} (date et heure locales du centre, AAAA-MM-JJ HH:MM:SS)`,
});
const yesNo = (label: string, description: string): ColumnMeaning => ({
  label,
  type: 'number',
  description: `${description} (1 = oui, 0 = non)`,
});
const json = (label: string, description: string): ColumnMeaning => ({
  label,
  type: 'text',
  description: `${description} (texte JSON)`,
});

const id = (what: string) => text('Identifiant', `Identifiant unique ${what}`);
const ref = (label: string, table: string) => text(label, `Identifiant dans la feuille « ${table} »`);

const DESCRIBED: Readonly<Record<string, TableMeaning>> = {
  sites: {
    label: 'Sites',
    description: 'Les sites (bâtiments) du centre.',
    columns: { id: id('du site'), name: text('Nom', 'Nom du site') },
  },
  categories: {
    label: 'Catégories de professionnels',
    description: 'Les catégories de professionnels (médecin, infirmier…).',
    columns: {
      id: id('de la catégorie'),
      code: text('Code', 'Code court de la catégorie'),
      label: text('Libellé', 'Libellé affiché'),
      administrative: yesNo('Administrative', 'Catégorie des agents administratifs (pas d’étapes cliniques)'),
    },
  },
  rooms: {
    label: 'Salles',
    description: 'Les salles (bureaux, boxes) où les consultants sont appelés.',
    columns: {
      id: id('de la salle'),
      site_id: ref('Site', 'Sites'),
      label: text('Libellé', 'Nom de la salle affiché à l’écran d’appel'),
    },
  },
  users: {
    label: 'Utilisateurs',
    description: 'Les comptes du personnel (sans mot de passe ni secret de double authentification).',
    columns: {
      id: id('de l’utilisateur'),
      login: text('Identifiant de connexion', 'Identifiant saisi à la connexion'),
      display_name: text('Nom affiché', 'Nom du professionnel tel qu’il apparaît'),
      roles: json('Rôles', 'Rôles du compte (accueil, professionnel, superviseur, administrateur)'),
      default_room_id: ref('Salle par défaut', 'Salles'),
      active: yesNo('Actif', 'Le compte peut se connecter'),
      created_at: at('Créé le', 'Création du compte'),
      landing_tab: text('Onglet à l’ouverture', 'Onglet affiché à la connexion (vide : selon le rôle)'),
    },
  },
  user_categories: {
    label: 'Catégories des utilisateurs',
    description: 'Les catégories auxquelles appartient chaque professionnel.',
    columns: {
      user_id: ref('Utilisateur', 'Utilisateurs'),
      category_id: ref('Catégorie', 'Catégories de professionnels'),
    },
  },
  user_reasons: {
    label: 'Motifs des utilisateurs',
    description: 'Les motifs de visite qu’un professionnel prend en charge.',
    columns: { user_id: ref('Utilisateur', 'Utilisateurs'), reason_id: ref('Motif', 'Motifs de visite') },
  },
  devices: {
    label: 'Appareils',
    description: 'Les bornes, écrans d’appel et postes enrôlés (sans leur jeton).',
    columns: {
      id: id('de l’appareil'),
      kind: text('Type', 'kiosk = borne, display = écran d’appel, workstation = poste'),
      name: text('Nom', 'Nom donné par l’administrateur'),
      active: yesNo('Actif', 'L’appareil peut se connecter'),
      created_at: at('Créé le', 'Enrôlement'),
      hostname: text('Nom de l’ordinateur', 'Nom réseau déclaré par l’appareil'),
      last_seen_at: at('Vu pour la dernière fois', 'Dernière connexion'),
      revoked_at: at('Révoqué le', 'Révocation (vide si actif)'),
    },
  },
  enrolments: {
    label: 'Demandes d’enrôlement',
    description: 'Les demandes d’enrôlement des appareils.',
    columns: {
      id: id('de la demande'),
      code: text('Code', 'Code à 6 chiffres affiché par l’appareil'),
      kind: text('Type', 'kiosk = borne, display = écran d’appel, workstation = poste'),
      hostname: text('Nom de l’ordinateur', 'Nom réseau déclaré par l’appareil'),
      ip: text('Adresse IP', 'Adresse de l’appareil lors de la demande'),
      status: text(
        'État',
        'pending = en attente, approved = acceptée, refused = refusée, delivered = remise',
      ),
      device_id: ref('Appareil', 'Appareils'),
      created_at: at('Demandée le', 'Demande'),
      expires_at: at('Expire le', 'Fin de validité de la demande'),
    },
  },
  reasons: {
    label: 'Motifs de visite',
    description: 'Les motifs de visite (EPS, EPS Constances…).',
    columns: {
      id: id('du motif'),
      code: text('Code', 'Code court du motif'),
      label: text('Libellé', 'Libellé affiché'),
      priority_class: num('Classe de priorité', 'Plus petit = servi en premier'),
      active: yesNo('Actif', 'Le motif est proposé'),
    },
  },
  journey_templates: {
    label: 'Modèles de parcours',
    description: 'Chaque version de chaque modèle de parcours (les visites gardent celle de leur début).',
    columns: {
      id: id('du modèle'),
      version: num('Version', 'Numéro de version du modèle'),
      reason_id: ref('Motif', 'Motifs de visite'),
      steps: json('Étapes', 'Étapes du parcours, leurs cibles, durées et dépendances'),
      created_at: at('Créée le', 'Création de cette version'),
    },
  },
  appointments: {
    label: 'Rendez-vous',
    description: 'Les rendez-vous importés de l’agenda.',
    columns: {
      id: id('du rendez-vous'),
      external_id: text('Identifiant agenda', 'Identifiant du rendez-vous dans l’agenda d’origine'),
      reference: text('Référence', 'Référence de convocation'),
      day: day('Jour', 'Jour du rendez-vous'),
      at: at('Heure du rendez-vous', 'Début du rendez-vous'),
      reason_id: ref('Motif', 'Motifs de visite'),
      professional_id: ref('Professionnel', 'Utilisateurs'),
      civility: text('Civilité', 'M. ou Mme (vide si inconnue)'),
      first_name: text('Prénom', 'Prénom (vide une fois anonymisé)'),
      last_name: text('Nom', 'Nom d’usage (vide une fois anonymisé)'),
      last_name_key: text('Clé de recherche du nom', 'Nom en majuscules sans accents, pour la borne'),
      birth_date: day('Date de naissance', 'Date de naissance'),
      birth_name: text('Nom de naissance', 'Nom de naissance'),
      phone: text('Téléphone', 'Téléphone'),
      email: text('Courriel', 'Adresse électronique'),
      source: text('Agenda', 'Agenda (source d’import) à qui appartient le rendez-vous'),
      status: text('État', 'scheduled = prévu, cancelled = annulé'),
    },
  },
  visits: {
    label: 'Visites',
    description: 'Les venues des consultants (une par personne et par jour).',
    columns: {
      id: id('de la visite'),
      day: day('Jour', 'Jour de la visite'),
      appointment_id: ref('Rendez-vous', 'Rendez-vous'),
      appointment_at: at('Heure du rendez-vous', 'Heure de convocation'),
      appointment_professional_id: ref('Professionnel du rendez-vous', 'Utilisateurs'),
      reason_id: ref('Motif', 'Motifs de visite'),
      template_id: ref('Modèle de parcours', 'Modèles de parcours'),
      template_version: num('Version du modèle', 'Version du modèle de parcours suivie'),
      civility: text('Civilité', 'M. ou Mme (vide si inconnue)'),
      first_name: text('Prénom', 'Prénom (vide une fois anonymisé)'),
      last_name: text('Nom', 'Nom (vide une fois anonymisé)'),
      birth_date: day('Date de naissance', 'Date de naissance'),
      state: text('État', 'État de la visite dans le parcours'),
      priority_class: num('Classe de priorité', 'Plus petit = servi en premier'),
      arrived_at: at('Arrivée', 'Arrivée au centre'),
      ready_since: at('Prêt depuis', 'Début de l’attente en cours'),
      away_reason: text('Motif d’absence', 'Pourquoi le consultant s’est absenté'),
      away_since: at('Absent depuis', 'Début de l’absence'),
      offer_professional_id: ref('Proposé au professionnel', 'Utilisateurs'),
      offer_step_id: ref('Étape proposée', 'Étapes des visites'),
      offer_at: at('Proposé le', 'Proposition au professionnel'),
      ended_at: at('Fin', 'Fin de la visite'),
      requeued_by: ref('Remis en file par', 'Professionnels'),
      requeued_at: at('Remis en file le', 'Moment où le consultant a été remis en file (absent)'),
    },
  },
  visit_steps: {
    label: 'Étapes des visites',
    description: 'Les étapes du parcours de chaque visite.',
    columns: {
      id: id('de l’étape'),
      visit_id: ref('Visite', 'Visites'),
      ord: num('Ordre', 'Rang de l’étape dans le parcours'),
      key: text('Clé', 'Clé de l’étape dans le modèle'),
      label: text('Libellé', 'Libellé de l’étape'),
      target: json('Cible', 'Professionnel, catégorie ou salle qui réalise l’étape'),
      estimated_minutes: num('Durée estimée (min)', 'Durée prévue en minutes'),
      after: json('Après', 'Clés des étapes à terminer avant celle-ci'),
      optional: yesNo('Facultative', 'L’étape peut être omise'),
      added: yesNo('Ajoutée', 'Ajoutée en cours de visite'),
      status: text('État', 'todo = à faire, done = faite, skipped = omise…'),
      professional_id: ref('Professionnel', 'Utilisateurs'),
      room_id: ref('Salle', 'Salles'),
      called_at: at('Appelé le', 'Dernier appel'),
      call_count: num('Nombre d’appels', 'Nombre d’appels à l’écran'),
      started_at: at('Début', 'Début de la prise en charge'),
      ended_at: at('Fin', 'Fin de la prise en charge'),
      group_settings: json(
        'Séance collective',
        'Étape en séance collective : capacité et nombre d’animateurs (vide sinon)',
      ),
      session: json('Séance', 'Séance collective du participant : identifiant, animateurs, dernière du jour'),
    },
  },
  notes: {
    label: 'Notes',
    description: 'Les notes du personnel sur une visite.',
    columns: {
      id: id('de la note'),
      visit_id: ref('Visite', 'Visites'),
      at: at('Écrite le', 'Écriture de la note'),
      author_id: ref('Auteur', 'Utilisateurs'),
      text: text('Texte', 'Texte de la note'),
    },
  },
  visit_checks: {
    label: 'Pointages des visites',
    description: 'Les vérifications faites pendant une visite (documents, consentements…).',
    columns: {
      visit_id: ref('Visite', 'Visites'),
      ord: num('Ordre', 'Rang du pointage'),
      kind: text('Type', 'Ce qui est vérifié'),
      mark: text('Marque', 'Résultat de la vérification'),
      at: at('Le', 'Moment du pointage'),
      by: ref('Par', 'Utilisateurs'),
    },
  },
  desks: {
    label: 'Postes des professionnels',
    description: 'L’état de chaque professionnel chaque jour (disponible, en pause…).',
    columns: {
      day: day('Jour', 'Jour'),
      professional_id: ref('Professionnel', 'Utilisateurs'),
      state: text('État', 'État du poste'),
      room_id: ref('Salle', 'Salles'),
      since: at('Depuis', 'Début de cet état'),
    },
  },
  events: {
    label: 'Journal',
    description: 'Le journal chaîné de tous les changements d’état et actions d’audit.',
    columns: {
      seq: num('N°', 'Numéro d’ordre dans le journal'),
      at: at('Le', 'Moment de l’évènement'),
      type: text('Type', 'Type d’évènement (visit.arrived, export.created…)'),
      actor_kind: text('Type d’auteur', 'user = utilisateur, device = appareil, system = GFA'),
      actor_id: text('Auteur', 'Identifiant de l’utilisateur ou de l’appareil'),
      visit_id: ref('Visite', 'Visites'),
      step_id: ref('Étape', 'Étapes des visites'),
      professional_id: ref('Professionnel', 'Utilisateurs'),
      data: json('Détails', 'Données de l’évènement'),
      hash: text('Empreinte', 'SHA-256 chaînant cet enregistrement au précédent'),
    },
  },
  checkin_keys: {
    label: 'Enregistrements à la borne',
    description: 'Les enregistrements déjà traités à la borne (clé d’idempotence).',
    columns: {
      key: text('Clé', 'Clé d’idempotence envoyée par la borne'),
      visit_id: ref('Visite', 'Visites'),
      response: json('Réponse', 'Réponse donnée à la borne'),
      at: at('Le', 'Moment de l’enregistrement'),
    },
  },
  stat_days: {
    label: 'Statistiques - jours',
    description: 'Les jours anonymisés dont les chiffres sont résumés dans les tables de statistiques.',
    columns: {
      day: day('Jour', 'Jour résumé'),
      built_at: at('Résumé le', 'Moment où le résumé a été écrit'),
    },
  },
  stat_care_minutes: {
    label: 'Statistiques - prises en charge',
    description:
      'Durées des prises en charge et des attentes d’un jour (ou d’un mois) : n prises en charge de tant de minutes, par professionnel, motif et cible d’étape.',
    columns: {
      day: day('Jour', 'Jour résumé, ou premier jour du mois résumé'),
      grain: num('Granularité', '0 = un jour, 1 = un mois (somme de ses jours)'),
      professional_id: ref('Professionnel', 'Professionnels'),
      reason_id: ref('Motif', 'Motifs de visite'),
      target_kind: text('Cible de l’étape', 'category, professional, appointment_professional ou reason'),
      target_category_id: ref('Catégorie de la cible', 'Catégories'),
      metric: text('Mesure', 'care = durée de prise en charge, wait = attente avant l’appel'),
      minutes: num('Minutes', 'Durée en minutes entières'),
      n: num('Nombre', 'Nombre de prises en charge de cette durée'),
    },
  },
  stat_reason_days: {
    label: 'Statistiques - motifs',
    description: 'Comptes des visites d’un jour (ou d’un mois) par motif.',
    columns: {
      day: day('Jour', 'Jour résumé, ou premier jour du mois résumé'),
      grain: num('Granularité', '0 = un jour, 1 = un mois (somme de ses jours)'),
      reason_id: ref('Motif', 'Motifs de visite'),
      visits: num('Visites', 'Visites du jour'),
      convened: num('Convoqués', 'Rendez-vous maintenus'),
      handled: num('Pris en charge', 'Visites avec au moins une prise en charge'),
      not_come: num('Non venus', 'Convoqués non venus'),
      came_not_handled: num('Venus non pris en charge', 'Venus sans aucune prise en charge'),
    },
  },
  stat_journey_minutes: {
    label: 'Statistiques - parcours',
    description:
      'Durées des parcours terminés d’un jour (ou d’un mois) : n parcours de tant de minutes, par motif.',
    columns: {
      day: day('Jour', 'Jour résumé, ou premier jour du mois résumé'),
      grain: num('Granularité', '0 = un jour, 1 = un mois (somme de ses jours)'),
      reason_id: ref('Motif', 'Motifs de visite'),
      minutes: num('Minutes', 'Durée du parcours en minutes entières'),
      n: num('Nombre', 'Nombre de parcours de cette durée'),
    },
  },
  stat_group_days: {
    label: 'Statistiques - séances',
    description:
      'Séances collectives d’un jour (ou d’un mois) par motif : une séance de N participants compte une fois.',
    columns: {
      day: day('Jour', 'Jour résumé, ou premier jour du mois résumé'),
      grain: num('Granularité', '0 = un jour, 1 = un mois (somme de ses jours)'),
      reason_id: ref('Motif', 'Motifs de visite'),
      sessions: num('Séances', 'Nombre de séances terminées'),
      participants: num('Participants', 'Participants de ces séances'),
      session_minutes: num('Minutes de séance', 'Somme des durées des séances, une fois par séance'),
      facilitator_minutes: num(
        'Minutes d’animation',
        'Durée de chaque séance multipliée par son nombre d’animateurs',
      ),
    },
  },
  reception_alerts: {
    label: 'Alertes de l’accueil',
    description:
      'Les personnes envoyées à l’accueil par la borne, avec ce qu’elles ont saisi (supprimé avec les données nominatives).',
    columns: {
      id: num('N°', 'Numéro de l’alerte'),
      day: day('Jour', 'Jour de l’alerte'),
      at: at('Le', 'Moment de l’alerte'),
      kiosk_id: ref('Borne', 'Appareils'),
      reason: text('Motif', 'not_found = non reconnu, journey_over = parcours déjà terminé'),
      typed_last_name: text('Nom saisi', 'Nom tapé à la borne'),
      typed_birth_date: text('Date de naissance saisie', 'Date de naissance tapée à la borne'),
      typed_reference: text('Référence saisie', 'Référence de convocation lue ou tapée'),
    },
  },
  satisfaction_answers: {
    label: 'Avis de satisfaction',
    description:
      'Les réponses à la question de satisfaction de la borne, sans donnée personnelle (lien à la visite retiré avec les données nominatives).',
    columns: {
      id: num('N°', 'Numéro de la réponse'),
      day: day('Jour', 'Jour de la réponse'),
      at: at('Le', 'Moment de la réponse'),
      kiosk_id: ref('Borne', 'Appareils'),
      score: num('Note', 'De 1 (très mécontent) à 5 (très satisfait) ; 4 et 5 comptent comme satisfaits'),
      visit_id: ref('Visite', 'Visites (vide : réponse anonyme, ou au-delà de la durée de conservation)'),
      reason_id: ref('Motif', 'Motifs de visite (vide : réponse anonyme)'),
      journey_minutes: num('Durée du parcours', 'Minutes de l’arrivée à la réponse ou à la fin du parcours'),
    },
  },
  integrations: {
    label: 'Intégrations d’agenda',
    description: 'Les agendas autorisés à envoyer des rendez-vous (clé d’API non exportée).',
    columns: {
      id: id('de l’intégration'),
      name: text('Nom', 'Nom donné par l’administrateur'),
      source: text('Agenda', 'Agenda (source) de ses rendez-vous'),
      profile: text('Profil', 'Profil d’import dont la table des valeurs s’applique'),
      key_hash: text('Empreinte de la clé', 'Empreinte SHA-256 de la clé (non exportée)'),
      created_at: at('Créée le', 'Création de l’intégration'),
      revoked_at: at('Révoquée le', 'Révocation de la clé'),
      last_used_at: at('Dernier usage', 'Dernier envoi reçu'),
    },
  },
  auth_failures: {
    label: 'Échecs de connexion',
    description:
      'Les compteurs d’échecs (connexion, double authentification, code de sortie) qui bloquent les essais.',
    columns: {
      key: text('Clé', 'Ce qui est compté (identifiant et adresse, compte, borne)'),
      count: num('Échecs', 'Échecs dans la fenêtre en cours'),
      since: at('Depuis', 'Début de la fenêtre de comptage'),
    },
  },
  totp_steps: {
    label: 'Codes à usage unique utilisés',
    description: 'Le dernier pas de temps de code accepté par compte : un code déjà vu est refusé.',
    columns: {
      user_id: ref('Utilisateur', 'Utilisateurs'),
      step: num('Pas de temps', 'Dernier pas de temps accepté (30 s)'),
    },
  },
  settings: {
    label: 'Réglages',
    description: 'Les réglages du centre.',
    columns: { key: text('Clé', 'Nom du réglage'), value: json('Valeur', 'Valeur du réglage') },
  },
  settings_migrations: {
    label: 'Étapes des réglages',
    description: 'Les étapes de mise à jour des réglages déjà appliquées à cette base, avec leur date.',
    columns: {
      name: text('Étape', 'Nom de l’étape de mise à jour'),
      applied_at: at('Appliquée le', 'Date et heure où l’étape a été appliquée'),
    },
  },
};

/** The SQL columns holding each personal field of the field table: appointments, and the visits' copies. */
const PERSONAL_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  appointments: FIELD_KEYS.flatMap((k) =>
    APPOINTMENT_FIELDS[k].personal ? APPOINTMENT_FIELDS[k].columns : [],
  ),
  visits: FIELD_KEYS.flatMap((k) =>
    APPOINTMENT_FIELDS[k].personal && APPOINTMENT_FIELDS[k].visit ? APPOINTMENT_FIELDS[k].columns : [],
  ),
};

const withPersonal = (table: string, meaning: TableMeaning): TableMeaning => ({
  ...meaning,
  columns: Object.fromEntries(
    Object.entries(meaning.columns).map(([column, m]) => [
      column,
      PERSONAL_COLUMNS[table]?.includes(column) ? { ...m, personal: true } : m,
    ]),
  ),
});

export const DATA_DICTIONARY: Readonly<Record<string, TableMeaning>> = Object.fromEntries(
  Object.entries(DESCRIBED).map(([table, meaning]) => [table, withPersonal(table, meaning)]),
);
