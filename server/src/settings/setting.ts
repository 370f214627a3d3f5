/**
 * What one setting is: its schema, its default and what it means, in French
 * (for the administrator and the data dictionary). How a stored value meets the
 * default is part of it: a centre that saved once must still receive what a
 * later version adds.
 */
import type { z } from 'zod';

export interface Setting<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly defaultValue: z.output<S>;
  readonly description: string;
  /**
   * The stored JSON completed by the default, before it is parsed. Unset: plain
   * objects are merged field by field (a field a later version adds takes its
   * default), anything else is kept as stored.
   */
  merge?(stored: unknown, defaultValue: z.output<S>): unknown;
}

/** Infers the value type from the schema, so that the default is checked against it. */
export const setting = <S extends z.ZodType>(definition: Setting<S>): Setting<S> => definition;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The stored object over the default, recursively for nested objects; arrays and scalars as stored. */
export function mergeFields(stored: unknown, defaultValue: unknown): unknown {
  if (!isPlainObject(stored) || !isPlainObject(defaultValue)) return stored;
  const merged: Record<string, unknown> = { ...defaultValue };
  for (const [key, value] of Object.entries(stored)) merged[key] = mergeFields(value, defaultValue[key]);
  return merged;
}

/**
 * A list keyed by one field (alert rules by kind): a key of the default list
 * that the stored list lacks is added from the default, so a kind a later
 * version brings reaches a centre that saved its list before.
 */
export const addMissingBy =
  <K extends string>(field: K) =>
  (stored: unknown, defaultValue: readonly Readonly<Record<K, unknown>>[]): unknown => {
    if (!Array.isArray(stored)) return stored;
    const present = new Set(stored.map((item: unknown) => (isPlainObject(item) ? item[field] : undefined)));
    return [...stored, ...defaultValue.filter((item) => !present.has(item[field]))];
  };
