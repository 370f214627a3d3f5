/**
 * The import clears a row with `plainCheck(Stored)` and asks zod only for the others: whenever
 * the plain check says yes, zod must say yes too (else a row zod refuses would be stored), on
 * valid rows it must say yes (else nothing is gained), and a rule it does not understand must
 * always send the row to zod.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { Appointment } from '@gfa/shared';
import { plainCheck } from '../../src/import/plain-check.js';

const Stored = Appointment.omit({ id: true, status: true });
const storable = plainCheck(Stored);

const valid = {
  externalId: 'A-1',
  reference: 'RDV-1',
  day: '2026-11-24',
  at: 1_764_000_000_000,
  reasonId: 'eps',
  professionalId: null,
  identity: { civility: 'Mme', firstName: 'Zoé', lastName: 'L’Hôte', birthDate: '1960-01-01' },
  contact: { birthName: null, phone: '05 56 00 00 00', email: 'zoe@exemple.fr' },
  source: 'standard',
  cancelled: false,
};

/** A small seeded generator: the same cases on every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

const oddValues = [
  null,
  undefined,
  '',
  'x'.repeat(64),
  'x'.repeat(65),
  'y'.repeat(81),
  '2026-1-4',
  '24/11/2026',
  -1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 60,
  0,
  'M.',
  'Mlle',
  {},
  [],
  true,
];

/** `valid` with one to three leaves (top level or nested) replaced by odd values. */
function mutant(next: () => number): unknown {
  const row = structuredClone(valid) as Record<string, unknown>;
  const picks = 1 + Math.floor(next() * 3);
  for (let i = 0; i < picks; i += 1) {
    const value = oddValues[Math.floor(next() * oddValues.length)];
    const top = Object.keys(row);
    const key = top[Math.floor(next() * top.length)] as string;
    const nested = row[key];
    if (nested && typeof nested === 'object' && next() < 0.7) {
      const inner = Object.keys(nested);
      (nested as Record<string, unknown>)[inner[Math.floor(next() * inner.length)] as string] = value;
    } else if (next() < 0.15) row[key] = undefined;
    else row[key] = value;
  }
  return row;
}

describe('plainCheck', () => {
  it('clears valid appointments, so that zod parses only the doubtful rows', () => {
    expect(Stored.safeParse(valid).success).toBe(true);
    expect(storable(valid)).toBe(true);
    expect(storable({ ...valid, contact: undefined, source: undefined })).toBe(true);
  });

  it('never clears a row zod refuses (4,000 rows with odd values)', () => {
    const next = random(18);
    let refused = 0;
    let cleared = 0;
    for (let i = 0; i < 4_000; i += 1) {
      const row = mutant(next);
      const zod = Stored.safeParse(row).success;
      const plain = storable(row);
      if (plain) expect(zod, JSON.stringify(row)).toBe(true);
      if (!zod) refused += 1;
      if (plain) cleared += 1;
      // Complete too on these kinds: a row zod accepts is cleared.
      if (zod) expect(plain, JSON.stringify(row)).toBe(true);
    }
    // Both sides were exercised.
    expect(refused).toBeGreaterThan(1_000);
    expect(cleared).toBeGreaterThan(200);
  });

  it('sends the value to zod when a rule is not one it understands', () => {
    const cases: [z.ZodType, unknown][] = [
      [z.string().email(), 'a@b.fr'],
      [z.string().refine((s) => s.length > 0), 'a'],
      [z.object({ a: z.string() }).refine((o) => o.a !== ''), { a: 'x' }],
      [z.union([z.string(), z.number()]), 'a'],
      [z.object({ a: z.string() }).strict(), { a: 'x' }],
      [z.string().trim(), 'a'],
      [z.number().multipleOf(5), 10],
    ];
    for (const [schema, value] of cases) {
      expect(schema.safeParse(value).success).toBe(true);
      expect(plainCheck(schema)(value)).toBe(false);
    }
  });
});
