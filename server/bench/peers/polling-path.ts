/**
 * OpenMRS O3's queue screens: every screen GETs the resource every 5 s,
 * the screens' timers spread evenly over the period (staggered). The latency
 * of one action ends at the first poll answer, on the last screen, that shows
 * it; each screen's own delay is kept too (its median is half the period).
 */
import { figuresOf, percentile, sleep, type Figures } from '../bench-support.js';
import { Screens, visitResource } from './visit-resource.js';
import type { PeerSetup } from './novosga-path.js';

export const POLL_PERIOD_MS = 5_000;

export interface PollingFigures extends Figures {
  /** Per screen: from the action to that screen's first answer showing it. */
  screenP50: number;
  screenP99: number;
}

export async function benchPolling(setup: PeerSetup): Promise<PollingFigures> {
  const screens = new Screens(setup.clients, setup.initialCalls);
  let action: { t0: number; expected: number; seenBy: number[] } | null = null;
  const screenDelays: number[] = [];
  let running = true;
  const resources = Array.from({ length: setup.clients }, () =>
    visitResource(setup.gfaUrl, setup.ca, setup.token, setup.visitId),
  );
  const loops = resources.map(async (resource, i) => {
    await sleep((i * POLL_PERIOD_MS) / setup.clients);
    for (let next = performance.now(); running; next += POLL_PERIOD_MS) {
      const calls = await resource.fetchCalls();
      const now = performance.now();
      if (action && calls >= action.expected && !action.seenBy.includes(i)) {
        action.seenBy.push(i);
        screenDelays.push(now - action.t0);
      }
      screens.show(i, calls);
      await sleep(Math.max(0, next + POLL_PERIOD_MS - performance.now()));
    }
  });
  const latencies: number[] = [];
  const started = performance.now();
  for (let n = 0; n < setup.actions; n += 1) {
    // Each recall adds exactly one call: the expected count is known before the action, so a poll
    // answering while the action's own response is still on its way is counted too.
    const expected = setup.initialCalls + n + 1;
    action = { t0: performance.now(), expected, seenBy: [] };
    const reached = await setup.act();
    if (reached !== expected) throw new Error(`expected ${expected} calls, the server says ${reached}`);
    await screens.allShow(expected);
    latencies.push(performance.now() - action.t0);
  }
  const figures = figuresOf(latencies, (performance.now() - started) / 1000, undefined);
  running = false;
  await Promise.all(loops);
  await Promise.all(resources.map((r) => r.close()));
  screenDelays.sort((a, b) => a - b);
  return {
    ...figures,
    rss: '—',
    screenP50: percentile(screenDelays, 0.5),
    screenP99: percentile(screenDelays, 0.99),
  };
}
