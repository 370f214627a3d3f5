/**
 * `npm run bench:auth [-- --flood N --seconds S]`
 * Starts the real server in-process (demo centre) and prints:
 * - a real login's time alone, then while N bogus logins (unknown accounts, so no lockout
 *   stops them early) arrive at once from another address (127.0.0.2): the argon2 queue
 *   should keep it under 2 s;
 * - how fast one kiosk can try birth dates on the check-in for S seconds (answered attempts
 *   per second and how many were looked up before the kiosk was held back).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import type { SessionDto } from '@gfa/shared';
import { DEMO_DEVICE_TOKENS, DEMO_PASSWORD, seedDemo } from '../src/demo/seed-demo.js';
import { localDay } from '../src/calendar/local-time.js';
import { startServer } from '../src/web/server.js';

const { values } = parseArgs({
  options: { flood: { type: 'string', default: '60' }, seconds: { type: 'string', default: '3' } },
});
const FLOOD = Number(values.flood);
const SECONDS = Number(values.seconds);

const dataDir = mkdtempSync(join(tmpdir(), 'gfa-bench-auth-'));
const server = await startServer({
  dataDir,
  host: '127.0.0.1',
  port: 0,
  seed: (db, at) => seedDemo(db, localDay(at), at).then(() => undefined),
});
const ca = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
const agentFrom = (localAddress: string) => new Agent({ connect: { ca, localAddress }, connections: 256 });
const workstation = agentFrom('127.0.0.1');
const attacker = agentFrom('127.0.0.2');

async function post(agent: Agent, path: string, body: unknown, token?: string): Promise<number> {
  const res = await request(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
    dispatcher: agent,
  });
  await res.body.text();
  return res.statusCode;
}
const timed = async (run: () => Promise<number>): Promise<{ ms: number; status: number }> => {
  const start = performance.now();
  const status = await run();
  return { ms: performance.now() - start, status };
};
const realLogin = () => post(workstation, '/api/session', { login: 'luc', password: DEMO_PASSWORD });

try {
  const alone = await timed(realLogin);
  console.log(`Connexion réelle seule : ${alone.ms.toFixed(0)} ms (HTTP ${alone.status})`);

  const flood = Array.from({ length: FLOOD }, (_, i) =>
    post(attacker, '/api/session', { login: `inconnu-${i}`, password: 'mauvais' }),
  );
  await new Promise((r) => setTimeout(r, 50));
  const underFlood = await timed(realLogin);
  const statuses = await Promise.all(flood);
  const checked = statuses.filter((s) => s === 401).length;
  console.log(
    `Connexion réelle pendant ${FLOOD} connexions bidon simultanées : ${underFlood.ms.toFixed(0)} ms (HTTP ${underFlood.status}) ; ` +
      `bidon vérifiées ${checked}, refusées d’emblée ${statuses.length - checked}`,
  );

  const kioskRes = await request(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ deviceToken: DEMO_DEVICE_TOKENS.kiosk }),
    dispatcher: workstation,
  });
  const kiosk = ((await kioskRes.body.json()) as SessionDto).token;
  let answered = 0;
  let refused = 0;
  const until = performance.now() + SECONDS * 1000;
  let day = Date.UTC(1950, 0, 1);
  while (performance.now() < until) {
    const birthDate = new Date((day += 86_400_000)).toISOString().slice(0, 10);
    const status = await post(
      workstation,
      '/api/checkin',
      { idempotencyKey: randomUUID(), by: { kind: 'identity', lastName: 'Martin', birthDate } },
      kiosk,
    );
    if (status === 200) answered += 1;
    else refused += 1;
  }
  console.log(
    `Borne, dates de naissance essayées en ${SECONDS} s : ${answered} examinées (${(answered / SECONDS).toFixed(1)}/s), ${refused} refusées`,
  );
} finally {
  await Promise.all([workstation.close(), attacker.close()]);
  await server.close();
}
