/**
 * `npm run bench:server [-- --clients N --actions M]`
 * Starts the real server (child process, demo centre), connects N WebSocket
 * clients (displays, workstations, one supervisor board), drives M
 * professional actions over HTTPS, and prints action→broadcast latency
 * p50/p99, actions per second and server RSS — beside the same figures for a
 * bare `ws` broadcast server on this machine (the floor).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import type { CheckinResponse, SessionDto, VisitDto } from '@gfa/shared';
import { PROTOCOL_VERSION } from '@gfa/shared';
import { apiClient, type ApiClient } from '../test/integration/support/https-client.js';

const { values } = parseArgs({
  options: { clients: { type: 'string', default: '100' }, actions: { type: 'string', default: '2000' } },
});
const CLIENTS = Number(values.clients);
const ACTIONS = Number(values.actions);
const root = resolve(import.meta.dirname, '../..');

function startChild(args: string[], pattern: RegExp): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) done({ child, url: match[0] });
    });
    child.once('exit', (code) => fail(new Error(`child exited ${String(code)}: ${out}`)));
  });
}

const rssMb = (pid: number | undefined): string => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return (kb / 1024).toFixed(1);
  } catch {
    return 'n/a';
  }
};

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

interface Figures {
  p50: number;
  p99: number;
  perSecond: number;
  rss: string;
}

/** Opens a socket and counts the messages it receives; `ready` resolves once it is subscribed. */
function openClient(
  url: string,
  ca: string,
  hello: object | null,
  topics: string[],
  counts: number[],
  i: number,
): Promise<WebSocket> {
  const ws = new WebSocket(url, { ca });
  return new Promise((ready) => {
    ws.on('open', () => {
      if (!hello) return ready(ws);
      ws.send(JSON.stringify(hello));
      ws.send(JSON.stringify({ type: 'subscribe', topics }));
    });
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'subscribed') return ready(ws);
      if (message.type === 'event' || !hello) counts[i] = (counts[i] ?? 0) + 1;
    });
  });
}

/** Runs `act` M times; each time waits until every client has received something new. */
async function measure(
  counts: number[],
  act: (i: number) => Promise<void>,
  pid: number | undefined,
): Promise<Figures> {
  const latencies: number[] = [];
  const started = performance.now();
  for (let i = 0; i < ACTIONS; i += 1) {
    const before = [...counts];
    const t0 = performance.now();
    await act(i);
    while (counts.some((c, k) => c <= (before[k] ?? 0))) await new Promise((r) => setImmediate(r));
    latencies.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    perSecond: ACTIONS / seconds,
    rss: rssMb(pid),
  };
}

async function benchGfa(dataDir: string): Promise<Figures> {
  const { child, url } = await startChild(
    [
      'server/src/cli/main.ts',
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
  );
  const ca = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
  const login = async (body: object): Promise<ApiClient> => {
    const client = apiClient(url, ca);
    client.token = (await client.call<SessionDto>('POST', '/api/session', body)).body.token;
    return client;
  };
  const kiosk = await login({ deviceToken: 'demo-borne-accueil-0001' });
  const display = await login({ deviceToken: 'demo-ecran-salle-0001' });
  const supervisor = await login({ login: 'virginie', password: 'demo' });
  const christelle = await login({ login: 'christelle', password: 'demo' });
  const checkin = await kiosk.call<CheckinResponse>('POST', '/api/checkin', {
    idempotencyKey: 'bench-0001',
    by: { kind: 'reference', reference: 'RDV-0001' },
  });
  const visitId = checkin.body.outcome === 'recognised' ? checkin.body.visitId : '';
  const counts: number[] = new Array<number>(CLIENTS).fill(0);
  const sockets: WebSocket[] = [];
  for (let i = 0; i < CLIENTS; i += 1) {
    const kind = i === 0 ? 'board' : i % 3 === 0 ? 'workstation' : 'display';
    const token = kind === 'board' ? supervisor.token : kind === 'display' ? display.token : christelle.token;
    // Every client hears about calls; the board and workstations hear about visits too.
    const topics =
      kind === 'board' ? ['calls', 'board'] : kind === 'display' ? ['calls'] : ['calls', 'visits'];
    const hello = { type: 'hello', protocolVersion: PROTOCOL_VERSION, client: kind, lastSeq: null, token };
    sockets.push(await openClient(`${url.replace('https', 'wss')}/ws`, ca, hello, topics, counts, i));
  }
  // A professional action that every client sees: call the consultant, then call again (recall).
  await christelle.call<{ visit: VisitDto }>('POST', `/api/visits/${visitId}/actions`, { type: 'call' });
  const figures = await measure(
    counts,
    async () => {
      const res = await christelle.call('POST', `/api/visits/${visitId}/actions`, { type: 'recall' });
      if (res.status !== 200) throw new Error(`action failed: ${JSON.stringify(res.body)}`);
    },
    child.pid,
  );
  for (const s of sockets) s.terminate();
  for (const c of [kiosk, display, supervisor, christelle]) await c.close();
  child.kill('SIGTERM');
  return figures;
}

async function benchFloor(dataDir: string): Promise<Figures> {
  const { child, url } = await startChild(
    ['server/bench/broadcast-floor.ts', dataDir],
    /wss:\/\/127\.0\.0\.1:\d+/,
  );
  const ca = readFileSync(join(dataDir, 'ca.pem'), 'utf8');
  const counts: number[] = new Array<number>(CLIENTS).fill(0);
  const sockets: WebSocket[] = [];
  for (let i = 0; i < CLIENTS; i += 1) sockets.push(await openClient(url, ca, null, [], counts, i));
  const sender = sockets[0] as WebSocket;
  const figures = await measure(
    counts,
    async (i) => void sender.send(JSON.stringify({ type: 'recall', i })),
    child.pid,
  );
  for (const s of sockets) s.terminate();
  child.kill('SIGTERM');
  return figures;
}

const dataDir = mkdtempSync(join(tmpdir(), 'gfa-bench-'));
const gfa = await benchGfa(dataDir);
const floor = await benchFloor(dataDir);
const row = (name: string, f: Figures): string =>
  `${name.padEnd(24)} ${f.p50.toFixed(2).padStart(8)} ${f.p99.toFixed(2).padStart(8)} ${f.perSecond.toFixed(0).padStart(10)} ${f.rss.padStart(9)}`;
console.log(`\nGFA server benchmark — ${CLIENTS} WebSocket clients, ${ACTIONS} actions (loopback, TLS)\n`);
console.log(
  `${'server'.padEnd(24)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'actions/s'.padStart(10)} ${'RSS MB'.padStart(9)}`,
);
console.log(row('GFA (REST → WS)', gfa));
console.log(row('bare ws broadcast', floor));
console.log(
  `\nratio GFA / floor: p50 ×${(gfa.p50 / floor.p50).toFixed(1)}, p99 ×${(gfa.p99 / floor.p99).toFixed(1)}, throughput ×${(gfa.perSecond / floor.perSecond).toFixed(2)}`,
);
process.exit(0);
