/**
 * NovoSGA's live path, rebuilt against the real GFA server: the action is
 * committed by GFA (REST), the event id is then POSTed to a separate hub
 * process (`sse-hub.ts`, a real child process) which pushes it over SSE to
 * every screen; each screen then refetches the resource over HTTPS. The
 * latency of one action ends when every screen has received the refetched
 * resource showing it.
 *
 * NovoSGA's PHP server POSTs to its hub after the commit, inside the request;
 * here the bench POSTs as soon as GFA has answered, which is the same hop
 * minus the response's transfer (in the peer's favour).
 */
import { Agent, request } from 'undici';
import { startChild, figuresOf, type Figures } from '../bench-support.js';
import { Screens, visitResource, type Action, type VisitResource } from './visit-resource.js';

export interface PeerSetup {
  readonly gfaUrl: string;
  readonly ca: string;
  readonly dataDir: string;
  readonly token: string;
  readonly visitId: string;
  readonly clients: number;
  readonly actions: number;
  readonly initialCalls: number;
  readonly act: Action;
}

/** Subscribes to the hub's SSE stream and calls `onEvent` for every event pushed. */
async function subscribe(hubUrl: string, dispatcher: Agent, onEvent: () => void): Promise<void> {
  const res = await request(`${hubUrl}/events`, { dispatcher });
  let pending = '';
  res.body.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    for (let end = pending.indexOf('\n\n'); end >= 0; end = pending.indexOf('\n\n')) {
      const event = pending.slice(0, end);
      pending = pending.slice(end + 2);
      if (/^data: /m.test(event)) onEvent();
    }
  });
  res.body.on('error', () => undefined);
}

export async function benchNovosga(setup: PeerSetup): Promise<Figures> {
  const hub = await startChild(
    ['server/bench/peers/sse-hub.ts', setup.dataDir],
    /https:\/\/127\.0\.0\.1:\d+/,
  );
  const screens = new Screens(setup.clients, setup.initialCalls);
  const hubAgents: Agent[] = [];
  const resources: VisitResource[] = [];
  for (let i = 0; i < setup.clients; i += 1) {
    const resource = visitResource(setup.gfaUrl, setup.ca, setup.token, setup.visitId);
    const agent = new Agent({ connect: { ca: setup.ca }, bodyTimeout: 0 });
    resources.push(resource);
    hubAgents.push(agent);
    await subscribe(hub.url, agent, () => {
      void resource.fetchCalls().then((calls) => screens.show(i, calls));
    });
  }
  const publisher = new Agent({ connect: { ca: setup.ca } });
  const latencies: number[] = [];
  const started = performance.now();
  for (let n = 0; n < setup.actions; n += 1) {
    const t0 = performance.now();
    const expected = await setup.act();
    const published = await request(`${hub.url}/publish`, {
      method: 'POST',
      body: String(n),
      dispatcher: publisher,
    });
    await published.body.dump();
    await screens.allShow(expected);
    latencies.push(performance.now() - t0);
  }
  const figures = figuresOf(latencies, (performance.now() - started) / 1000, hub.child.pid);
  hub.stop();
  await Promise.all([...hubAgents, publisher].map((a) => a.destroy()));
  await Promise.all(resources.map((r) => r.close()));
  return figures;
}
