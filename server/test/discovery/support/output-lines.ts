/** Reads a child process's stdout line by line and waits for a line that matches. */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';

export interface OutputLines {
  readonly all: string[];
  /**
   * Resolves with the first line from index `from` (already seen or to come)
   * that matches; rejects after `timeoutMs`.
   */
  waitFor(match: (line: string) => boolean, timeoutMs: number, what: string, from?: number): Promise<string>;
  /** The lines after index `from` that match, parsed as JSON. */
  events<T>(from?: number): T[];
}

export function outputLines(child: ChildProcessWithoutNullStreams): OutputLines {
  const all: string[] = [];
  const waiters = new Set<() => void>();
  let rest = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop() ?? '';
    all.push(...parts);
    for (const wake of [...waiters]) wake();
  });
  return {
    all,
    waitFor: (match, timeoutMs, what, from = 0) =>
      new Promise((found, fail) => {
        let scanned = from;
        const check = (): void => {
          for (; scanned < all.length; scanned++) {
            const line = all[scanned] ?? '';
            if (!match(line)) continue;
            done();
            found(line);
            return;
          }
        };
        const timer = setTimeout(() => {
          done();
          fail(new Error(`Timed out waiting for ${what}.\nstdout:\n${all.join('\n')}\nstderr:\n${stderr}`));
        }, timeoutMs);
        const done = (): void => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    events: <T>(from = 0) =>
      all
        .slice(from)
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as T),
  };
}
