/**
 * A zod schema compiled into a plain predicate, for the import's per-row check: `true` means zod
 * accepts the value; `false` means "ask zod" (it gives the messages). zod stays the one
 * definition of what a stored appointment may hold; this only skips its parse (a new object per
 * level, an issues list) for the rows that pass, ~110 ms of a cold 10,000-row import's read
 * (bench:data). It understands the kinds an appointment is made of — objects, optional, nullable,
 * strings with lengths and patterns, safe integers with bounds, enums — and compiles anything
 * else (a refinement, another check) to "ask zod", so an unknown rule can never be skipped.
 */
type Check = (value: unknown) => boolean;

interface Def {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
  readonly shape?: Record<string, { readonly _zod: { readonly def: Def } }>;
  readonly innerType?: { readonly _zod: { readonly def: Def } };
  readonly entries?: Record<string, string | number>;
  readonly catchall?: unknown;
}
interface CheckDef {
  readonly check: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly value?: number;
  readonly inclusive?: boolean;
}

const ASK_ZOD: Check = () => false;

function stringCheck(checks: readonly CheckDef[]): Check {
  const parts: Check[] = [];
  for (const c of checks) {
    if (c.check === 'min_length' && c.minimum !== undefined) {
      const min = c.minimum;
      parts.push((v) => (v as string).length >= min);
    } else if (c.check === 'max_length' && c.maximum !== undefined) {
      const max = c.maximum;
      parts.push((v) => (v as string).length <= max);
    } else if (c.check === 'string_format' && c.format === 'regex' && c.pattern) {
      const pattern = new RegExp(c.pattern.source, c.pattern.flags.replace(/[gy]/g, ''));
      parts.push((v) => pattern.test(v as string));
    } else return ASK_ZOD;
  }
  return (v) => typeof v === 'string' && parts.every((part) => part(v));
}

function numberCheck(checks: readonly CheckDef[]): Check {
  const parts: Check[] = [];
  for (const c of checks) {
    if (c.check === 'number_format' && c.format === 'safeint') parts.push((v) => Number.isSafeInteger(v));
    else if ((c.check === 'greater_than' || c.check === 'less_than') && c.value !== undefined) {
      const { value, inclusive } = c;
      const above = c.check === 'greater_than';
      parts.push((v) =>
        above
          ? inclusive
            ? (v as number) >= value
            : (v as number) > value
          : inclusive
            ? (v as number) <= value
            : (v as number) < value,
      );
    } else return ASK_ZOD;
  }
  return (v) => typeof v === 'number' && Number.isFinite(v) && parts.every((part) => part(v));
}

function compile(def: Def): Check {
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  switch (def.type) {
    case 'string':
      return stringCheck(checks);
    case 'number':
      return numberCheck(checks);
    case 'optional':
    case 'nullable': {
      if (!def.innerType || checks.length > 0) return ASK_ZOD;
      const inner = compile(def.innerType._zod.def);
      const empty = def.type === 'optional' ? undefined : null;
      return (v) => v === empty || inner(v);
    }
    case 'enum': {
      if (!def.entries || checks.length > 0) return ASK_ZOD;
      const allowed = new Set(Object.values(def.entries));
      return (v) => allowed.has(v as string);
    }
    case 'object': {
      // A catchall or a refinement on the object: not something to reason about here.
      if (!def.shape || checks.length > 0 || def.catchall !== undefined) return ASK_ZOD;
      const fields = Object.entries(def.shape).map(([key, s]) => [key, compile(s._zod.def)] as const);
      return (v) =>
        typeof v === 'object' &&
        v !== null &&
        !Array.isArray(v) &&
        fields.every(([key, check]) => check((v as Record<string, unknown>)[key]));
    }
    default:
      return ASK_ZOD;
  }
}

/** Any zod (v4) schema, by the internals every one of them carries (this room does not import zod). */
interface ZodSchema {
  readonly _zod: { readonly def: object };
}

/** `true`: `schema.safeParse(value)` succeeds (false: it may fail; ask it). */
export const plainCheck = (schema: ZodSchema): Check => compile(schema._zod.def as Def);
