/** Every rule ID of docs/QUEUE_SPEC.md is quoted by at least one test name. */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

it('every rule of docs/QUEUE_SPEC.md is quoted by a test', () => {
  const spec = readFileSync(join(root, 'docs/QUEUE_SPEC.md'), 'utf8');
  const ids = [...spec.matchAll(/\*\*(Q-[A-Z]+-\d+)\*\*/g)].map((m) => m[1] as string);
  expect(ids.length).toBeGreaterThan(30);
  const dir = import.meta.dirname;
  const tests = readdirSync(dir)
    .filter((f) => f.endsWith('.test.ts') && f !== 'spec-coverage.test.ts')
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n');
  const quoted = new Set(
    [...tests.matchAll(/it\(\s*['"`]([^'"`]*)/g)].flatMap((m) => m[1]?.match(/Q-[A-Z]+-\d+/g) ?? []),
  );
  expect(ids.filter((id) => !quoted.has(id))).toEqual([]);
});
