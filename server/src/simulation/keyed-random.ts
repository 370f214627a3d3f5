/**
 * Randomness of a simulated day drawn per (seed, key) rather than from one
 * stream: a consultant's care lasts the same whichever dispatcher runs the
 * day, so dispatchers are compared on the very same days.
 */
import { seededRandom } from '../demo/prng.js';

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export type KeyedRandom = (key: string) => number;

/** A uniform draw in [0, 1) fixed by the seed and the key. */
export function keyedRandom(seed: number): KeyedRandom {
  return (key) => seededRandom(hash(`${seed}:${key}`))();
}

/** A standard normal draw (Box–Muller) fixed by the seed and the key. */
export function normal(random: KeyedRandom, key: string): number {
  const u = Math.max(1e-9, random(`${key}:u`));
  const v = random(`${key}:v`);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}
