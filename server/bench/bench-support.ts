/** What the server benchmark's parts share: child processes, their probe, percentiles. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** The figures `server-probe.ts` prints from inside the benchmarked server. */
export interface ProbeFigures {
  /** CPU time (user + system) the server has used since it started. */
  readonly cpuMs: number;
  readonly rss: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
  /** Resident bytes by mapping (/proc/self/smaps): node executable, other files, anonymous. */
  readonly mappings: { readonly nodeBinary: number; readonly otherFiles: number; readonly anonymous: number };
  /** Bytes used per V8 heap space (old, code, large objects...). */
  readonly heapSpaces: Readonly<Record<string, number>>;
  readonly loopP99Ms: number;
  readonly loopMaxMs: number;
}

export interface Child {
  readonly child: ChildProcess;
  readonly url: string;
  /** Asks the server (started with the probe preloaded) for its memory and event-loop delay. */
  probe(): Promise<ProbeFigures>;
  stop(): void;
}

export interface ChildOptions {
  /** Preloads `server-probe.mjs` (and exposes `gc`), for `Child.probe`. */
  readonly probe?: boolean;
  /** The entry is plain JavaScript (the production `gfa.mjs`): no TypeScript loader preloaded. */
  readonly javascript?: boolean;
  /** Node flags before the entry (the production server's, see `server/bin/server-bundle.mjs`). */
  readonly nodeFlags?: readonly string[];
}

/** Starts an entry point as a child process; resolves once its stdout shows `pattern`. */
export function startChild(args: string[], pattern: RegExp, options: ChildOptions = {}): Promise<Child> {
  const loader = options.javascript ? [] : ['--import', 'tsx'];
  const preload = options.probe ? ['--expose-gc', '--import', './server/bench/server-probe.mjs'] : [];
  const flags = [...(options.nodeFlags ?? []), ...loader, ...preload];
  const child = spawn(process.execPath, [...flags, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const waiting: ((figures: ProbeFigures) => void)[] = [];
  let out = '';
  return new Promise((done, fail) => {
    let url: string | null = null;
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      for (let end = out.indexOf('\n'); end >= 0; end = out.indexOf('\n')) {
        const line = out.slice(0, end);
        out = out.slice(end + 1);
        if (line.startsWith('BENCH-PROBE ')) waiting.shift()?.(JSON.parse(line.slice(12)) as ProbeFigures);
        const match = url === null ? pattern.exec(line) : null;
        if (match) {
          url = match[0];
          done({
            child,
            url,
            probe: () =>
              new Promise((answer) => {
                waiting.push(answer);
                child.kill('SIGUSR2');
              }),
            stop: () => void child.kill('SIGTERM'),
          });
        }
      }
    });
    child.once('exit', (code) => {
      if (url === null) fail(new Error(`child exited ${String(code)}: ${out}`));
    });
  });
}

export const rssMb = (pid: number | undefined): string => {
  try {
    const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
    return (kb / 1024).toFixed(1);
  } catch {
    return 'n/a';
  }
};

export const mb = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;

/** Latency figures of one design: p50/p99 of the per-action latencies, and throughput. */
export interface Figures {
  p50: number;
  p99: number;
  perSecond: number;
  /** CPU time the server process spent per action, when probed. */
  cpuMsPerAction?: number;
  rss: string;
}

export function figuresOf(latencies: number[], seconds: number, pid: number | undefined): Figures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    perSecond: latencies.length / seconds,
    rss: rssMb(pid),
  };
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
