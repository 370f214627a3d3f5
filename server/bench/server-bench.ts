/**
 * `npm run bench:server [-- --clients N --actions M --peer-actions P --poll-actions Q --rounds R]`
 * Starts the real server (child process, demo centre, probe preloaded) and
 * measures, on this machine and in one run:
 * - GFA's live path: N WebSocket clients (displays; workstations, signed in
 *   as the demo's professionals at their desks and subscribed as the
 *   workstation app is, with their own desk views; one supervisor board),
 *   M professional actions over HTTPS, action → every screen latency
 *   p50/p99, beside a bare `ws` broadcast server (the floor);
 * - the two designs peers use, against the same server and data, N clients
 *   each: NovoSGA's (commit, POST to an SSE hub process, REST refetch) and
 *   OpenMRS O3's 5-second polling;
 * - the supervision board with 25 refreshers: cost per request, event-loop delay;
 * - where the server's memory goes with N clients (heap, external, native).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import type { CheckinResponse, SessionDto, VisitDto } from '@gfa/shared';
import { PROTOCOL_VERSION, workstationTopics } from '@gfa/shared';
import { apiClient, type ApiClient } from '../test/integration/support/https-client.js';
import { figuresOf, mb, startChild, type Child, type Figures, type ProbeFigures } from './bench-support.js';
import { benchNovosga, type PeerSetup } from './peers/novosga-path.js';
import { benchPolling, type PollingFigures } from './peers/polling-path.js';
import { callsOf } from './peers/visit-resource.js';
import { benchSupervision, type SupervisionFigures } from './supervision-load.js';
import { SERVER_NODE_FLAGS } from '../bin/server-bundle.mjs';
import { buildDemoCentre } from '../src/demo/demo-centre.js';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '100' },
    actions: { type: 'string', default: '2000' },
    'peer-actions': { type: 'string', default: '100' },
    'poll-actions': { type: 'string', default: '6' },
    rounds: { type: 'string', default: '20' },
    // To compare V8 settings: `--node-flags="--max-semi-space-size=16"` instead of the production ones.
    'node-flags': { type: 'string' },
  },
});
const CLIENTS = Number(values.clients);
const ACTIONS = Number(values.actions);
const REFRESHERS = 25;

/** Messages of one socket: events counted, event and snapshot bytes summed. */
interface Tally {
  events: number;
  eventBytes: number;
  snapshotBytes: number;
}
const newTally = (): Tally => ({ events: 0, eventBytes: 0, snapshotBytes: 0 });

/** Opens a socket and counts the messages it receives; resolves once it holds its snapshots. */
function openClient(
  url: string,
  ca: string,
  hello: object | null,
  topics: string[],
  tally: Tally,
): Promise<WebSocket> {
  const ws = new WebSocket(url, { ca });
  let snapshots = 0;
  return new Promise((ready) => {
    ws.on('open', () => {
      if (!hello) return ready(ws);
      ws.send(JSON.stringify(hello));
      ws.send(JSON.stringify({ type: 'subscribe', topics }));
    });
    ws.on('message', (data) => {
      const text = String(data);
      const message = JSON.parse(text) as { type: string };
      // Subscribed with no last seq: one snapshot per topic follows, then the socket is ready.
      if (message.type === 'snapshot') {
        tally.snapshotBytes += Buffer.byteLength(text);
        snapshots += 1;
        if (snapshots === topics.length) ready(ws);
      }
      if (message.type === 'event' || !hello) {
        tally.events += 1;
        tally.eventBytes += Buffer.byteLength(text);
      }
    });
  });
}

/** Runs `act` M times; each time waits until every client has received something new. */
async function measure(
  tallies: Tally[],
  act: (i: number) => Promise<void>,
  pid: number | undefined,
): Promise<Figures> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < ACTIONS; i += 1) {
    const before = tallies.map((t) => t.events);
    const t0 = performance.now();
    await act(i);
    while (tallies.some((t, k) => t.events <= (before[k] ?? 0))) await new Promise((r) => setImmediate(r));
    latencies.push(performance.now() - t0);
  }
  return figuresOf(latencies, (performance.now() - started) / 1000, pid);
}

interface MemoryFigures {
  idle: ProbeFigures;
  loaded: ProbeFigures;
  snapshotBytes: Record<string, number>;
}

interface GfaResults {
  live: Figures;
  /** Bytes each client received per action, on average (the floor broadcasts as many). */
  bytesPerClient: number;
  nodeFlags: readonly string[];
  memory: MemoryFigures;
  supervisionAfterCommit: SupervisionFigures;
  supervisionTick: SupervisionFigures;
  novosga: Figures;
  polling: PollingFigures;
}

async function benchGfa(dataDir: string): Promise<GfaResults> {
  // The production server: the bundle (rebuilt from the sources now) run by gfa.mjs with its flags.
  execFileSync(process.execPath, ['build/build-server.mjs'], { stdio: 'inherit' });
  // The certificate exists, as on every start of the box but its very first (which makes it in a
  // worker and then holds ~5 MB more of freed native memory): the memory measured is the usual one.
  execFileSync(process.execPath, ['server/bin/gfa.mjs', 'cert', '--data-dir', dataDir], { stdio: 'ignore' });
  const nodeFlags = values['node-flags']?.split(' ').filter(Boolean) ?? (SERVER_NODE_FLAGS as string[]);
  const server: Child = await startChild(
    [
      'server/bin/gfa.mjs',
      'serve',
      '--demo',
      '--no-mdns',
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--data-dir',
      dataDir,
    ],
    /https:\/\/127\.0\.0\.1:\d+/,
    { probe: true, javascript: true, nodeFlags },
  );
  const { url } = server;
  const ca = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
  const openSession = async (body: object): Promise<{ client: ApiClient; session: SessionDto }> => {
    const client = apiClient(url, ca);
    const session = (await client.call<SessionDto>('POST', '/api/session', body)).body;
    client.token = session.token;
    return { client, session };
  };
  const login = async (body: object): Promise<ApiClient> => (await openSession(body)).client;
  const kiosk = await login({ deviceToken: 'demo-borne-accueil-0001' });
  const display = await login({ deviceToken: 'demo-ecran-salle-0001' });
  const supervisor = await login({ login: 'virginie', password: 'demo' });
  const christelle = await login({ login: 'christelle', password: 'demo' });
  const checkin = await kiosk.call<CheckinResponse>('POST', '/api/checkin', {
    idempotencyKey: 'bench-0001',
    by: { kind: 'reference', reference: 'RDV-0001' },
  });
  const visitId = checkin.body.outcome === 'recognised' ? checkin.body.visitId : '';
  // A professional action that every client sees: call the consultant, then call again (recall).
  await christelle.call<{ visit: VisitDto }>('POST', `/api/visits/${visitId}/actions`, { type: 'call' });
  const recall = async (): Promise<number> => {
    const res = await christelle.call<{ visit: VisitDto }>('POST', `/api/visits/${visitId}/actions`, {
      type: 'recall',
    });
    if (res.status !== 200) throw new Error(`action failed: ${JSON.stringify(res.body)}`);
    return callsOf(res.body.visit);
  };

  const idle = await server.probe();
  const tallies: Tally[] = [];
  const sockets: WebSocket[] = [];
  const snapshotBytes: Record<string, number> = {};
  // The workstations are the demo's professionals, at their desks, each subscribed as the real
  // workstation subscribes (its visits, alerts, configuration and own desk view: workstationTopics).
  const professionals: SessionDto[] = [];
  for (const user of buildDemoCentre('2026-01-05').users.filter((u) => u.categoryIds.length > 0)) {
    const { client, session } = await openSession({ login: user.login, password: 'demo' });
    await client.call('POST', '/api/desk/presence', { state: 'available' });
    // Their sockets carry on with the session; the HTTPS connection (kept alive) is not measured.
    await client.close();
    professionals.push(session);
  }
  for (let i = 0; i < CLIENTS; i += 1) {
    const kind = i === 0 ? 'board' : i % 3 === 0 ? 'workstation' : 'display';
    const desk = kind === 'workstation' ? professionals[(i / 3) % professionals.length] : undefined;
    const principal = desk?.principal.kind === 'user' ? desk.principal : null;
    const token = kind === 'board' ? supervisor.token : principal ? desk?.token : display.token;
    const topics =
      kind === 'board' ? ['calls', 'board'] : principal ? workstationTopics(principal) : ['calls'];
    const hello = { type: 'hello', protocolVersion: PROTOCOL_VERSION, client: kind, lastSeq: null, token };
    const tally = newTally();
    tallies.push(tally);
    sockets.push(await openClient(`${url.replace('https', 'wss')}/ws`, ca, hello, topics, tally));
    snapshotBytes[kind] ??= tally.snapshotBytes;
  }
  const loaded = await server.probe();
  const live = await measure(tallies, async () => void (await recall()), server.child.pid);
  // Server CPU per action: what the machine's load does not inflate (the floor's is measured alike).
  live.cpuMsPerAction = ((await server.probe()).cpuMs - loaded.cpuMs) / ACTIONS;
  const bytesPerClient = tallies.reduce((sum, t) => sum + t.eventBytes, 0) / tallies.length / ACTIONS;
  for (const s of sockets) s.terminate();

  const supervisionSetup = {
    server,
    ca,
    token: supervisor.token ?? '',
    refreshers: REFRESHERS,
    rounds: Number(values.rounds),
  };
  const supervisionAfterCommit = await benchSupervision(supervisionSetup, recall);
  const supervisionTick = await benchSupervision(supervisionSetup, () => Promise.resolve());

  const peerSetup = (actions: number, initialCalls: number): PeerSetup => ({
    gfaUrl: url,
    ca,
    dataDir,
    token: christelle.token ?? '',
    visitId,
    clients: CLIENTS,
    actions,
    initialCalls,
    act: recall,
  });
  const callsNow = async (): Promise<number> =>
    callsOf(
      (await christelle.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits.find(
        (v) => v.id === visitId,
      ),
    );
  const novosga = await benchNovosga(peerSetup(Number(values['peer-actions']), await callsNow()));
  const polling = await benchPolling(peerSetup(Number(values['poll-actions']), await callsNow()));

  for (const c of [kiosk, display, supervisor, christelle]) await c.close();
  server.stop();
  return {
    live,
    bytesPerClient,
    nodeFlags,
    memory: { idle, loaded, snapshotBytes },
    supervisionAfterCommit,
    supervisionTick,
    novosga,
    polling,
  };
}

/** The floor: the same TLS, and each client receives as many bytes per action as from GFA. */
async function benchFloor(dataDir: string, bytesPerClient: number): Promise<Figures> {
  const floor = await startChild(['server/bench/broadcast-floor.ts', dataDir], /wss:\/\/127\.0\.0\.1:\d+/, {
    probe: true,
  });
  const ca = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
  const tallies: Tally[] = [];
  const sockets: WebSocket[] = [];
  for (let i = 0; i < CLIENTS; i += 1) {
    const tally = newTally();
    tallies.push(tally);
    sockets.push(await openClient(floor.url, ca, null, [], tally));
  }
  const sender = sockets[0] as WebSocket;
  const frame = (i: number): string => {
    const bare = JSON.stringify({ type: 'recall', i, pad: '' });
    return JSON.stringify({ type: 'recall', i, pad: 'x'.repeat(Math.max(0, bytesPerClient - bare.length)) });
  };
  const before = await floor.probe();
  const figures = await measure(tallies, async (i) => void sender.send(frame(i)), floor.child.pid);
  figures.cpuMsPerAction = ((await floor.probe()).cpuMs - before.cpuMs) / ACTIONS;
  for (const s of sockets) s.terminate();
  floor.stop();
  return figures;
}

const dataDir = mkdtempSync(join(tmpdir(), 'gfa-bench-'));
const gfa = await benchGfa(dataDir);
const floor = await benchFloor(dataDir, Math.round(gfa.bytesPerClient));

const ratio = (a: number, b: number): string => `×${(a / b).toFixed(1)}`;
const row = (name: string, f: Figures): string =>
  `${name.padEnd(34)} ${f.p50.toFixed(2).padStart(9)} ${f.p99.toFixed(2).padStart(9)} ${f.perSecond.toFixed(0).padStart(10)} ${f.rss.padStart(8)} ${ratio(f.p50, floor.p50).padStart(9)} ${ratio(f.p99, floor.p99).padStart(9)}`;
console.log(`\nGFA server benchmark — ${CLIENTS} clients per design (loopback, TLS, one machine)\n`);
console.log(
  `${'action → every screen'.padEnd(34)} ${'p50 ms'.padStart(9)} ${'p99 ms'.padStart(9)} ${'actions/s'.padStart(10)} ${'RSS MB'.padStart(8)} ${'p50/floor'.padStart(9)} ${'p99/floor'.padStart(9)}`,
);
console.log(row(`GFA (REST → WS), ${ACTIONS} actions`, gfa.live));
console.log(row(`NovoSGA (hub SSE → REST), ${values['peer-actions']}`, gfa.novosga));
console.log(row(`O3 polling 5 s, ${values['poll-actions']} actions`, gfa.polling));
console.log(row(`bare ws broadcast, ${ACTIONS} actions`, floor));
console.log(
  `server CPU per action: GFA ${gfa.live.cpuMsPerAction?.toFixed(2)} ms, floor ${floor.cpuMsPerAction?.toFixed(2)} ms ` +
    `(${ratio(gfa.live.cpuMsPerAction ?? 0, floor.cpuMsPerAction ?? 1)}; not inflated by the machine's load as latencies are)`,
);
console.log(
  `(the floor broadcasts ${Math.round(gfa.bytesPerClient)} bytes per client per action, as GFA did; load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})`,
);
console.log(
  `\nGFA vs NovoSGA-shaped: p50 ${ratio(gfa.novosga.p50, gfa.live.p50)} faster, p99 ${ratio(gfa.novosga.p99, gfa.live.p99)} faster (goal ≥ ×3 at p99)` +
    `\nGFA vs 5 s polling:    p50 ${ratio(gfa.polling.p50, gfa.live.p50)} faster, p99 ${ratio(gfa.polling.p99, gfa.live.p99)} faster` +
    ` (per screen, polling p50 ${gfa.polling.screenP50.toFixed(0)} ms, p99 ${gfa.polling.screenP99.toFixed(0)} ms)` +
    `\nGFA / floor: p50 ${ratio(gfa.live.p50, floor.p50)}, p99 ${ratio(gfa.live.p99, floor.p99)}, throughput ×${(gfa.live.perSecond / floor.perSecond).toFixed(2)}`,
);

const sup = (name: string, f: SupervisionFigures): string =>
  `${name.padEnd(34)} ${f.costMs.toFixed(2).padStart(9)} ${f.cpuMs.toFixed(2).padStart(10)} ${f.p99Ms.toFixed(1).padStart(9)} ${f.loopP99Ms.toFixed(1).padStart(9)} ${f.loopMaxMs.toFixed(1).padStart(9)}`;
console.log(
  `\nSupervision board, ${REFRESHERS} refreshers at once, ${values.rounds} rounds (day journal ≥ ${ACTIONS} entries)`,
);
console.log(
  `${''.padEnd(34)} ${'ms/req'.padStart(9)} ${'CPU ms/req'.padStart(10)} ${'p99 ms'.padStart(9)} ${'loop p99'.padStart(9)} ${'loop max'.padStart(9)}`,
);
console.log(sup('after each commit', gfa.supervisionAfterCommit));
console.log(sup('no commit (5 s tick)', gfa.supervisionTick));

const { idle, loaded, snapshotBytes } = gfa.memory;
const perClient = (a: number, b: number): string => `${((b - a) / CLIENTS / 1024).toFixed(1)} KB`;
console.log(
  `\nWhere the server's memory goes (after GC), MB ${'0 clients'.padStart(10)} ${`${CLIENTS} clients`.padStart(12)} ${'per client'.padStart(11)}`,
);
for (const [name, pick] of [
  ['RSS', (p: ProbeFigures) => p.rss],
  ['  node executable (mapped code)', (p: ProbeFigures) => p.mappings.nodeBinary],
  ['  other mapped files (libraries)', (p: ProbeFigures) => p.mappings.otherFiles],
  ['  anonymous', (p: ProbeFigures) => p.mappings.anonymous],
  ['    V8 heap reserved', (p: ProbeFigures) => p.heapTotal],
  ['      of which used', (p: ProbeFigures) => p.heapUsed],
  ['    external (buffers)', (p: ProbeFigures) => p.external],
  [
    '    native rest (SQLite, TLS, libuv)',
    (p: ProbeFigures) => p.mappings.anonymous - p.heapTotal - p.external,
  ],
] as const) {
  console.log(
    `${name.padEnd(45)} ${mb(pick(idle)).padStart(10)} ${mb(pick(loaded)).padStart(12)} ${perClient(pick(idle), pick(loaded)).padStart(11)}`,
  );
}
console.log(
  `(server run by server/bin/gfa.mjs from its bundle, node flags: ${gfa.nodeFlags.join(' ') || 'none'}; ` +
    'certificate made beforehand by `gfa cert`, as on every start but the first)',
);
console.log(
  `ArrayBuffers ${mb(idle.arrayBuffers)} → ${mb(loaded.arrayBuffers)} MB; snapshot sent at subscription: ` +
    Object.entries(snapshotBytes)
      .map(([kind, bytes]) => `${kind} ${(bytes / 1024).toFixed(1)} KB`)
      .join(', ') +
    `; RSS after the ${ACTIONS} actions ${gfa.live.rss} MB`,
);
console.log(
  `V8 heap used by space with ${CLIENTS} clients, MB: ` +
    Object.entries(loaded.heapSpaces)
      .filter(([, bytes]) => bytes >= 512 * 1024)
      .sort(([, a], [, b]) => b - a)
      .map(([space, bytes]) => `${space.replace(/_space$/, '')} ${mb(bytes)}`)
      .join(', '),
);
process.exit(0);
