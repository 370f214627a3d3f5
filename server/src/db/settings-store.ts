/**
 * Reads and writes the `settings` table through the registry
 * (`server/src/settings/settings-registry.ts`): a read completes what a centre
 * saved with the current defaults and parses it, a write stores only a value
 * its schema accepts.
 */
import { eq, sql } from 'drizzle-orm';
import {
  SETTINGS,
  mergeFields,
  type Setting,
  type SettingKey,
  type SettingValue,
} from '../settings/settings-registry.js';
import type { Db } from './db-handle.js';
import { preparedPerDb } from './prepared-query.js';
import * as t from './schema.js';

/** The database or a transaction on it (drizzle's `tx` fits as it is, no cast). */
type Reader = Pick<Db, 'select'>;
type Writer = Pick<Db, 'insert'>;

type Issues = readonly { path: PropertyKey[]; message: string }[];

const describe = (issues: Issues): string =>
  issues.map((i) => `${i.path.map(String).join('.') || '(value)'}: ${i.message}`).join('; ');

/** A stored value that no longer parses is logged once per process and value, not at every read. */
const reported = new Set<string>();

function reportUnreadable(key: SettingKey, storedText: string, problem: string): void {
  const signature = `${key}\u0000${storedText}`;
  if (reported.has(signature)) return;
  reported.add(signature);
  // Paths and messages only: a value could hold a folder or a hash, never worth a log line.
  console.warn(
    `setting "${key}": the stored value no longer parses (${problem}); its default applies until it is saved again`,
  );
}

// Read on every request (the idle timeout of sessions): built once per handle.
const textOfKey = preparedPerDb((db: Reader) =>
  db
    .select({ text: sql<string>`${t.settings.value}` })
    .from(t.settings)
    .where(eq(t.settings.key, sql.placeholder('key')))
    .prepare(),
);

/** The stored JSON text as it is (drizzle's JSON mode would throw on a file edited by hand), or null. */
const storedText = (db: Reader, key: SettingKey): string | null => textOfKey(db).get({ key })?.text ?? null;

/** The last text read per key and the value it gave: the same text is not merged and parsed again. */
const lastRead = new Map<SettingKey, { readonly text: string | null; readonly value: unknown }>();

function storedJson(key: SettingKey, text: string): { readonly value: unknown } | null {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    reportUnreadable(key, text, 'not JSON');
    return null;
  }
}

/** The stored value completed by the defaults, or the default when none is stored or it no longer parses. */
export function readSetting<K extends SettingKey>(db: Reader, key: K): SettingValue<K> {
  const text = storedText(db, key);
  const last = lastRead.get(key);
  // The caller gets its own copy, never one another caller may have changed.
  if (last && last.text === text) return structuredClone(last.value) as SettingValue<K>;
  const value = parseSetting(key, text);
  lastRead.set(key, { text, value });
  return structuredClone(value);
}

function parseSetting<K extends SettingKey>(key: K, text: string | null): SettingValue<K> {
  const definition: Setting = SETTINGS[key];
  const { defaultValue } = definition;
  const stored = text === null ? null : storedJson(key, text);
  const candidate = !stored
    ? defaultValue
    : definition.merge
      ? definition.merge(stored.value, defaultValue)
      : mergeFields(stored.value, defaultValue);
  // Parsed even when it is the default: the caller gets its own copy, never the registry's object.
  const parsed = definition.schema.safeParse(candidate);
  if (!parsed.success && text !== null) reportUnreadable(key, text, describe(parsed.error.issues));
  // Sound: `SETTINGS[key].schema` parsed it, and that schema's output is what `SettingValue<K>` names.
  return (parsed.success ? parsed.data : structuredClone(defaultValue)) as SettingValue<K>;
}

export class InvalidSettingError extends Error {
  constructor(key: SettingKey, issues: Issues) {
    super(`setting "${key}" refused: ${describe(issues)}`);
  }
}

/** Stores the value as its schema parses it; call it inside the transaction that journals the change. */
export function writeSetting<K extends SettingKey>(tx: Writer, key: K, value: SettingValue<K>): void {
  const parsed = SETTINGS[key].schema.safeParse(value);
  if (!parsed.success) throw new InvalidSettingError(key, parsed.error.issues);
  tx.insert(t.settings)
    .values({ key, value: parsed.data })
    .onConflictDoUpdate({ target: t.settings.key, set: { value: parsed.data } })
    .run();
}
