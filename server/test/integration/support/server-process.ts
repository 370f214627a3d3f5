/**
 * Runs the real `gfa serve` as a child process, so tests can kill it
 * (SIGKILL included) and start it again on the same data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoRoot = resolve(import.meta.dirname, '../../../..');
const cliEntry = join(repoRoot, 'server/src/cli/main.ts');

export interface ServerProcess {
  readonly url: string;
  readonly ca: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves once the process has printed `text`. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** `entry`: the node arguments before `serve` (the sources through tsx unless told otherwise). */
export async function startServerProcess(
  dataDir: string,
  extraArgs: string[] = [],
  entry: readonly string[] = ['--import', 'tsx', cliEntry],
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [
      ...entry,
      'serve',
      '--data-dir',
      dataDir,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--no-mdns',
      ...extraArgs,
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let printed = '';
  child.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString()));

  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${printed}`)), 45_000);
    const check = (): void => {
      const match = /https:\/\/127\.0\.0\.1:\d+/.exec(printed);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[0]);
      }
    };
    child.stdout?.on('data', check);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${String(code)}:\n${printed}`));
    });
  });

  return {
    url,
    ca: readFileSync(join(dataDir, 'ca.pem'), 'utf8'),
    child,
    output: () => printed,
    waitForOutput: async (text, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!printed.includes(text)) {
        if (Date.now() > deadline) throw new Error(`"${text}" not printed:\n${printed}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill(signal);
      }),
  };
}
