/**
 * Validation messages for people: zod speaks French (its `fr` locale, with
 * plainer wording for the common cases), and a field's path becomes its
 * French name: « rules.1.thresholdMinutes » → « Règle 2 : seuil (minutes) ».
 * Imported for its effect by the protocol's index, so every process that
 * validates with the shared schemas (server, screens, shells) gets it.
 */
import { z } from 'zod';

/** Lists whose items are numbered for people (from 1). */
const ITEM: Readonly<Record<string, string>> = {
  rules: 'Règle',
  steps: 'Étape',
  addSteps: 'Étape ajoutée',
  templates: 'Parcours',
  reasons: 'Motif',
  categories: 'Catégorie',
  rooms: 'Salle',
  users: 'Compte',
  days: 'Jour',
  times: 'Horaire',
  columns: 'Colonne',
};

/** Field names, lower-case (they follow a list item or start the message). */
const FIELD: Readonly<Record<string, string>> = {
  thresholdMinutes: 'seuil (minutes)',
  kind: 'type',
  label: 'libellé',
  code: 'code',
  active: 'actif',
  reasonId: 'motif',
  categoryId: 'catégorie',
  professionalId: 'professionnel',
  roomId: 'salle',
  defaultRoomId: 'salle par défaut',
  login: 'identifiant',
  password: 'mot de passe',
  displayName: 'nom affiché',
  roles: 'rôles',
  categoryIds: 'catégories',
  reasonIds: 'motifs',
  landingTab: 'onglet à l’ouverture',
  identity: 'identité',
  civility: 'civilité',
  firstName: 'prénom',
  lastName: 'nom',
  birthDate: 'date de naissance',
  reference: 'référence de convocation',
  appointmentId: 'rendez-vous',
  visitId: 'consultant',
  stepId: 'étape',
  hostname: 'poste',
  subject: 'objet',
  priorityClass: 'priorité',
  estimatedMinutes: 'durée estimée (minutes)',
  after: 'étapes préalables',
  optional: 'facultative',
  target: 'destination',
  reason: 'motif de l’intervention',
  text: 'texte',
  open: 'ouverture',
  close: 'fermeture',
  idleMinutes: 'délai d’inactivité (minutes)',
  retentionDays: 'durée de conservation (jours)',
  folder: 'dossier',
  time: 'heure',
  code6: 'code',
};

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** A field's French name from its path; unknown names stay as they are. */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = String(path[i]);
    const next = path[i + 1];
    if (typeof next === 'number' && ITEM[key]) {
      parts.push(`${ITEM[key]} ${next + 1}`);
      i++;
    } else if (typeof path[i] === 'number') {
      parts.push(`n° ${Number(path[i]) + 1}`);
    } else {
      parts.push(FIELD[key] ?? key);
    }
  }
  return capitalise(parts.join(' : '));
}

const plural = new Intl.PluralRules('fr-FR');
const units = (n: number | bigint, one: string, many: string) =>
  `${n} ${plural.select(Number(n)) === 'one' ? one : many}`;

/** Plainer French than the locale for what people type most often; undefined = the locale's text. */
function plainFrench(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'obligatoire';
  if (issue.code === 'too_small') {
    const { origin, minimum } = issue;
    if (origin === 'number' || origin === 'int')
      return issue.inclusive ? `doit être au moins ${minimum}` : `doit être supérieur à ${minimum}`;
    if (origin === 'string')
      return Number(minimum) <= 1 ? 'obligatoire' : `au moins ${units(minimum, 'caractère', 'caractères')}`;
    if (origin === 'array') return `au moins ${units(minimum, 'élément', 'éléments')}`;
  }
  if (issue.code === 'too_big') {
    const { origin, maximum } = issue;
    if (origin === 'number' || origin === 'int')
      return issue.inclusive ? `doit être au plus ${maximum}` : `doit être inférieur à ${maximum}`;
    if (origin === 'string') return `${units(maximum, 'caractère', 'caractères')} au plus`;
    if (origin === 'array') return `${units(maximum, 'élément', 'éléments')} au plus`;
  }
  if (issue.code === 'invalid_format')
    return issue.format === 'email' ? 'adresse e-mail invalide' : 'format incorrect';
  if (issue.code === 'invalid_value') return 'valeur non prévue';
  return undefined;
}

/**
 * For « one of these shapes » (a union), the issue of the shape the request
 * came closest to: the deepest path, i.e. the branch that matched furthest.
 */
function explained(issue: z.core.$ZodIssue): z.core.$ZodIssue {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return issue;
  const candidates = issue.errors
    .map((branch) => branch[0])
    .filter((i): i is z.core.$ZodIssue => i !== undefined)
    .map((i) => explained({ ...i, path: [...issue.path, ...i.path] }));
  return candidates.reduce((a, b) => (b.path.length > a.path.length ? b : a), issue);
}

z.config(z.locales.fr());
z.config({ customError: plainFrench });

/** « Règle 2 : seuil (minutes) — doit être au moins 1. », from a failed validation. */
export function validationSentence(error: z.ZodError, where: string): string {
  const first = error.issues[0] && explained(error.issues[0]);
  if (!first) return `${capitalise(where)} : format incorrect.`;
  const field = first.path.length ? fieldLabel(first.path) : capitalise(where);
  return `${field} — ${first.message}.`;
}
