/**
 * The one declared table of the appointment fields an agenda gives GFA:
 * for each, its column in an import profile (the key), the heading of the
 * « standard » profile, the editor's French label, how its cell is read,
 * where it lands in the appointment and in SQL, and whether it is personal
 * data (how the anonymiser erases it). The import, the push API, the
 * profile editor, the anonymiser and the data dictionary all read it, so a
 * field is added here once; the mappings keyed by `FieldKey` elsewhere make
 * the compiler ask for the rest.
 */
import { z } from 'zod';

/** How a cell is read: text as is, a day, a time, a civility, a label looked up in the configuration… */
export type FieldKind =
  'text' | 'day' | 'time' | 'civility' | 'reason' | 'professional' | 'status' | 'email' | 'phone';

/** What the anonymiser puts in place of a personal value: a pseudonym, an empty text, or nothing (null). */
export type Erasure = 'pseudonym' | 'empty' | 'null';

export interface AppointmentField {
  /** Its column heading in the built-in « standard » profile; null = not in that profile. */
  readonly heading: string | null;
  /** Its label in the profile editor (French). */
  readonly label: string;
  /** No appointment can be read without it. */
  readonly required: boolean;
  readonly kind: FieldKind;
  /** Where the value lands in an imported appointment (dotted path). */
  readonly domain: string;
  /** The columns of SQL table `appointments` it fills. */
  readonly columns: readonly string[];
  /** A visit copies it into the same-named columns of SQL table `visits`. */
  readonly visit: boolean;
  /** Personal data: erased this way after the retention period; false = kept for statistics. */
  readonly personal: Erasure | false;
  /** Its name in an agenda's JSON push, and the longest cell accepted there; null = not pushed. */
  readonly push: { readonly key: string; readonly max: number } | null;
  /** Longest value stored (contact fields, whose schema is built from this table). */
  readonly max?: number;
}

export const APPOINTMENT_FIELDS = {
  lastName: {
    heading: 'Nom',
    label: 'Nom',
    required: true,
    kind: 'text',
    domain: 'identity.lastName',
    columns: ['last_name', 'last_name_key'],
    visit: true,
    personal: 'pseudonym',
    push: { key: 'lastName', max: 1000 },
  },
  firstName: {
    heading: 'Prénom',
    label: 'Prénom',
    required: true,
    kind: 'text',
    domain: 'identity.firstName',
    columns: ['first_name'],
    visit: true,
    personal: 'empty',
    push: { key: 'firstName', max: 1000 },
  },
  birthDate: {
    heading: 'Date de naissance',
    label: 'Date de naissance',
    required: true,
    kind: 'day',
    domain: 'identity.birthDate',
    columns: ['birth_date'],
    visit: true,
    personal: 'null',
    push: { key: 'birthDate', max: 40 },
  },
  date: {
    heading: 'Date RDV',
    label: 'Date du rendez-vous',
    required: true,
    kind: 'day',
    domain: 'day',
    columns: ['day', 'at'],
    visit: false,
    personal: false,
    push: { key: 'date', max: 40 },
  },
  time: {
    heading: 'Heure RDV',
    label: 'Heure du rendez-vous (vide si dans la colonne date)',
    required: false,
    kind: 'time',
    domain: 'at',
    columns: ['at'],
    visit: false,
    personal: false,
    push: { key: 'time', max: 20 },
  },
  reason: {
    heading: 'Motif',
    label: 'Motif',
    required: true,
    kind: 'reason',
    domain: 'reasonId',
    columns: ['reason_id'],
    visit: false,
    personal: false,
    push: { key: 'reason', max: 200 },
  },
  civility: {
    heading: 'Civilité',
    label: 'Civilité',
    required: false,
    kind: 'civility',
    domain: 'identity.civility',
    columns: ['civility'],
    visit: true,
    personal: false,
    push: { key: 'civility', max: 20 },
  },
  professional: {
    heading: 'Professionnel',
    label: 'Professionnel',
    required: false,
    kind: 'professional',
    domain: 'professionalId',
    columns: ['professional_id'],
    visit: false,
    personal: false,
    push: { key: 'professional', max: 200 },
  },
  externalId: {
    heading: 'Identifiant',
    label: 'Identifiant du rendez-vous',
    required: false,
    kind: 'text',
    domain: 'externalId',
    columns: ['external_id'],
    visit: false,
    personal: 'null',
    push: { key: 'id', max: 64 },
  },
  reference: {
    heading: 'Référence',
    label: 'Référence de convocation',
    required: false,
    kind: 'text',
    domain: 'reference',
    columns: ['reference'],
    visit: false,
    personal: 'null',
    push: { key: 'reference', max: 1000 },
  },
  birthName: {
    heading: null,
    label: 'Nom de naissance',
    required: false,
    kind: 'text',
    domain: 'contact.birthName',
    columns: ['birth_name'],
    visit: false,
    personal: 'null',
    push: null,
    max: 80,
  },
  phone: {
    heading: null,
    label: 'Téléphone',
    required: false,
    kind: 'phone',
    domain: 'contact.phone',
    columns: ['phone'],
    visit: false,
    personal: 'null',
    push: null,
    max: 40,
  },
  email: {
    heading: null,
    label: 'Courriel',
    required: false,
    kind: 'email',
    domain: 'contact.email',
    columns: ['email'],
    visit: false,
    personal: 'null',
    push: null,
    max: 120,
  },
  status: {
    heading: 'Statut',
    label: 'Statut (ses lignes « Annulé » annulent le rendez-vous)',
    required: false,
    kind: 'status',
    domain: 'cancelled',
    columns: ['status'],
    visit: false,
    personal: false,
    push: { key: 'status', max: 40 },
  },
  source: {
    heading: null,
    label: 'Agenda de chaque ligne (un fichier regroupant plusieurs agendas)',
    required: false,
    kind: 'text',
    domain: 'source',
    columns: ['source'],
    visit: false,
    personal: false,
    push: null,
  },
} as const satisfies Record<string, AppointmentField>;

type Fields = typeof APPOINTMENT_FIELDS;
export type FieldKey = keyof Fields;
export const FIELD_KEYS = Object.keys(APPOINTMENT_FIELDS) as FieldKey[];

type Where<P> = { [K in FieldKey]: Fields[K] extends P ? K : never }[FieldKey];
export type RequiredFieldKey = Where<{ required: true }>;
/** The optional identification fields stored under `contact`, only when a profile maps them. */
export type ContactKey = Where<{ domain: `contact.${string}` }>;
type PushedKey = Where<{ push: object }>;
/** The kinds of the contact fields: each needs its check of a cell (`server/src/import/fields.ts`). */
export type ContactKind = Fields[ContactKey]['kind'];

const isContact = (key: FieldKey): key is ContactKey => APPOINTMENT_FIELDS[key].domain.startsWith('contact.');
export const CONTACT_KEYS = FIELD_KEYS.filter(isContact);
export const REQUIRED_FIELDS = FIELD_KEYS.filter((k) => APPOINTMENT_FIELDS[k].required);

/** `contact` of an appointment: each contact field, null when not mapped. */
export const contactShape = Object.fromEntries(
  CONTACT_KEYS.map((k) => [k, z.string().max(APPOINTMENT_FIELDS[k].max).nullable()]),
) as { [K in ContactKey]: z.ZodNullable<z.ZodString> };

/** Which heading holds each field in a profile: required ones always, the others when the agenda has them. */
export const profileColumnsShape = Object.fromEntries(
  FIELD_KEYS.map((k) => [
    k,
    APPOINTMENT_FIELDS[k].required ? z.string().min(1) : z.string().min(1).optional(),
  ]),
) as { [K in FieldKey]: K extends RequiredFieldKey ? z.ZodString : z.ZodOptional<z.ZodString> };

type PushKeyOf<K extends PushedKey> = Fields[K]['push']['key'];
const PUSHED = FIELD_KEYS.filter((k): k is PushedKey => APPOINTMENT_FIELDS[k].push !== null);

/** The push names the agenda's own id `id`: pushing it again updates the same appointment, so it is required. */
const ALWAYS_PUSHED: readonly FieldKey[] = ['externalId'];

/** One pushed appointment's cells, under their push names (required fields present, lengths bounded). */
export const pushShape = Object.fromEntries(
  PUSHED.map((k) => {
    const { key, max } = APPOINTMENT_FIELDS[k].push;
    if (ALWAYS_PUSHED.includes(k)) return [key, z.string().trim().min(1).max(max)];
    const cell = z.string().max(max);
    return [key, APPOINTMENT_FIELDS[k].required ? cell : cell.optional()];
  }),
) as {
  [K in PushedKey as PushKeyOf<K>]: K extends RequiredFieldKey | 'externalId'
    ? z.ZodString
    : z.ZodOptional<z.ZodString>;
};

/** The profile an agenda's push is read through: each pushed field under its push name. */
export const PUSH_COLUMNS = Object.fromEntries(PUSHED.map((k) => [k, APPOINTMENT_FIELDS[k].push.key])) as {
  [K in PushedKey]: PushKeyOf<K>;
};

/** The « standard » profile's columns: every field that has a standard heading. */
export const STANDARD_COLUMNS = Object.fromEntries(
  FIELD_KEYS.flatMap((k) => {
    const heading: string | null = APPOINTMENT_FIELDS[k].heading;
    return heading === null ? [] : [[k, heading]];
  }),
) as Record<RequiredFieldKey, string> & Partial<Record<FieldKey, string>>;
