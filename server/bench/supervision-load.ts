/**
 * The supervision board under 25 supervisors / workstations refreshing: each
 * round, every refresher GETs `/api/supervision` at once (as the screens do on
 * a board event), after a commit or without one (their 5-second tick). Prints
 * the server's cost per request (wall and CPU) and the event-loop delay the server saw
 * meanwhile (from its probe).
 */
import { Agent, request } from 'undici';
import { percentile, type Child } from './bench-support.js';

export interface SupervisionFigures {
  /** Wall time of a round divided by its requests (depends on how busy the machine is). */
  costMs: number;
  /** The server's CPU time per request, the round's commit included. */
  cpuMs: number;
  p99Ms: number;
  loopP99Ms: number;
  loopMaxMs: number;
}

export interface SupervisionSetup {
  readonly server: Child;
  readonly ca: string;
  readonly token: string;
  readonly refreshers: number;
  readonly rounds: number;
}

export async function benchSupervision(
  setup: SupervisionSetup,
  beforeRound: () => Promise<unknown>,
): Promise<SupervisionFigures> {
  const agents = Array.from({ length: setup.refreshers }, () => new Agent({ connect: { ca: setup.ca } }));
  const refresh = async (dispatcher: Agent): Promise<number> => {
    const t0 = performance.now();
    const res = await request(`${setup.server.url}/api/supervision`, {
      // As the screens' Chromium asks for it: the server then sends the board gzipped once per computation.
      headers: { authorization: `Bearer ${setup.token}`, 'accept-encoding': 'gzip, deflate, br, zstd' },
      dispatcher,
    });
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(`GET /api/supervision: ${res.statusCode}`);
    return performance.now() - t0;
  };
  await Promise.all(agents.map(refresh)); // connections open, code warm
  const start = await setup.server.probe(); // also starts the event-loop window
  const latencies: number[] = [];
  let busy = 0;
  for (let round = 0; round < setup.rounds; round += 1) {
    await beforeRound();
    const t0 = performance.now();
    latencies.push(...(await Promise.all(agents.map(refresh))));
    busy += performance.now() - t0;
  }
  const probe = await setup.server.probe();
  await Promise.all(agents.map((a) => a.close()));
  latencies.sort((a, b) => a - b);
  return {
    costMs: busy / (setup.rounds * setup.refreshers),
    cpuMs: (probe.cpuMs - start.cpuMs) / (setup.rounds * setup.refreshers),
    p99Ms: percentile(latencies, 0.99),
    loopP99Ms: probe.loopP99Ms,
    loopMaxMs: probe.loopMaxMs,
  };
}
