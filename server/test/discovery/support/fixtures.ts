/** Starts the discovery fixtures (server/test/cli/fixtures) inside a namespace "host". */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { resolve } from 'node:path';
import type { ServerEvent } from '../../../../shared/shell/discovery/types.js';
import type { NetnsHost } from './netns.js';
import { outputLines, type OutputLines } from './output-lines.js';

export const repoRoot = resolve(import.meta.dirname, '../../../..');
const fixtures = resolve(repoRoot, 'server/test/cli/fixtures');

export interface Running {
  readonly child: ChildProcessWithoutNullStreams;
  readonly out: OutputLines;
  /** SIGTERM, then waits for the exit (the fixtures say goodbye first). */
  stop(): Promise<void>;
}

export function run(host: NetnsHost, command: string, args: readonly string[]): Running {
  const child = host.spawn(command, args, repoRoot);
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return {
    child,
    out: outputLines(child),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

export const runFixture = (host: NetnsHost, file: string, args: readonly string[] = []): Running =>
  run(host, process.execPath, ['--import', 'tsx', resolve(fixtures, file), ...args]);

/**
 * A watcher (shared/shell/discovery/browser.ts) in `host`, ready to report
 * events. It asks every second; a silent server is down after `staleAfterMs`
 * (a minute unless a test is about silence: a slow restart is no crash).
 */
export async function startWatcher(host: NetnsHost, staleAfterMs = 60_000): Promise<Running> {
  const watcher = runFixture(host, 'watch.ts', ['1000', String(staleAfterMs)]);
  await watcher.out.waitFor((l) => l === 'watching', 15_000, 'the watcher to start');
  return watcher;
}

/** Matches a JSON event line of this kind (and, optionally, more). */
export const eventLine =
  (kind: ServerEvent['kind'], more: (event: ServerEvent) => boolean = () => true) =>
  (line: string): boolean => {
    if (!line.startsWith('{')) return false;
    const event = JSON.parse(line) as ServerEvent;
    return event.kind === kind && more(event);
  };

export const parseEvent = (line: string): ServerEvent => JSON.parse(line) as ServerEvent;
