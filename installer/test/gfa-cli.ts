/** The repository's own `gfa` command, asked for its help: the installer must name real options. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './builder-support.js';

const run = promisify(execFile);

export async function gfaHelp(...command: string[]): Promise<string> {
  const { stdout } = await run(
    process.execPath,
    [join(repoRoot, 'server', 'bin', 'gfa.mjs'), ...command, '--help'],
    {
      cwd: repoRoot,
    },
  );
  return stdout;
}

/** The default port of `gfa serve`, as its help prints it. */
export async function defaultServePort(): Promise<number> {
  const match = /--port <port>.*\(default: "(\d+)"\)/.exec(await gfaHelp('serve'));
  if (!match) throw new Error('gfa serve --help ne donne pas de port par défaut');
  return Number(match[1]);
}
