/**
 * Two "hosts" for mDNS tests: network namespaces joined by a veth pair
 * (multicast does not work on plain loopback, and tests never send on the
 * machine's real interface). Needs root, as on CI.
 *
 * Names carry a random suffix, so test files running in parallel never meet;
 * `remove()` kills what still runs inside and deletes both namespaces.
 */
import { execFileSync, spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** Why these tests cannot run here, or null. Only a non-root user skips: as root, failures fail. */
export function netnsSkipReason(): string | null {
  return process.getuid?.() === 0 ? null : 'needs root to create network namespaces (CI runs as root)';
}

export interface NetnsHost {
  readonly ns: string;
  readonly dev: string;
  address: string;
  /** Starts a long-running command inside the namespace. */
  spawn(command: string, args: readonly string[], cwd?: string): ChildProcessWithoutNullStreams;
  /** Runs a command inside the namespace and returns its stdout. */
  run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): string;
}

export interface Lan {
  readonly a: NetnsHost;
  readonly b: NetnsHost;
  /**
   * A third host on a second network card of A (A gets `a2` on 10.78.0.1,
   * the new host 10.78.0.2); A's multicast route stays on its first card.
   */
  addSecondLan(): Promise<NetnsHost>;
  /** Pulls or plugs back a host's cable (its end of the veth pair). */
  setLink(host: NetnsHost, state: 'up' | 'down'): void;
  /** Replaces a host's address, as a DHCP renewal would. */
  readdress(host: NetnsHost, address: string): void;
  remove(): void;
}

const ip = (...args: string[]): void => void execFileSync('ip', args, { stdio: 'pipe' });

function host(ns: string, dev: string, address: string): NetnsHost {
  return {
    ns,
    dev,
    address,
    spawn: (command, args, cwd) =>
      spawn('ip', ['netns', 'exec', ns, command, ...args], { cwd, stdio: ['pipe', 'pipe', 'pipe'] }),
    run: (command, args, env) =>
      execFileSync('ip', ['netns', 'exec', ns, command, ...args], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
        timeout: 20_000,
      }),
  };
}

// A new veth pair needs a moment before multicast flows (carrier, IPv6 DAD).
const settle = (): Promise<void> => new Promise((settled) => setTimeout(settled, 2_000));

/** Creates namespaces `gfa<suffix>a`/`b` on 10.77.0.0/24 (.1 and .2), links up, multicast routed. */
export async function createLan(): Promise<Lan> {
  const suffix = randomBytes(3).toString('hex');
  const a = host(`gfa${suffix}a`, `gfa${suffix}a`, '10.77.0.1');
  const b = host(`gfa${suffix}b`, `gfa${suffix}b`, '10.77.0.2');
  const hosts = [a, b];
  const remove = (): void => {
    for (const { ns } of hosts) {
      const pids = spawnSync('ip', ['netns', 'pids', ns], { encoding: 'utf8' }).stdout ?? '';
      for (const pid of pids.split('\n').filter(Boolean)) {
        try {
          process.kill(Number(pid), 'SIGKILL');
        } catch {
          // Already gone.
        }
      }
      spawnSync('ip', ['netns', 'delete', ns]);
    }
  };
  try {
    ip('netns', 'add', a.ns);
    ip('netns', 'add', b.ns);
    ip('link', 'add', a.dev, 'netns', a.ns, 'type', 'veth', 'peer', 'name', b.dev, 'netns', b.ns);
    for (const h of [a, b]) {
      ip('-n', h.ns, 'addr', 'add', `${h.address}/24`, 'dev', h.dev);
      ip('-n', h.ns, 'link', 'set', h.dev, 'up');
      ip('-n', h.ns, 'link', 'set', 'lo', 'up');
      ip('-n', h.ns, 'route', 'add', '224.0.0.0/4', 'dev', h.dev);
    }
  } catch (error) {
    remove();
    throw error;
  }
  await settle();
  return {
    a,
    b,
    addSecondLan: async () => {
      const c = host(`gfa${suffix}c`, `gfa${suffix}c`, '10.78.0.2');
      hosts.push(c);
      const a2 = `gfa${suffix}x`;
      ip('netns', 'add', c.ns);
      ip('link', 'add', a2, 'netns', a.ns, 'type', 'veth', 'peer', 'name', c.dev, 'netns', c.ns);
      ip('-n', a.ns, 'addr', 'add', '10.78.0.1/24', 'dev', a2);
      ip('-n', a.ns, 'link', 'set', a2, 'up');
      ip('-n', c.ns, 'addr', 'add', `${c.address}/24`, 'dev', c.dev);
      ip('-n', c.ns, 'link', 'set', c.dev, 'up');
      ip('-n', c.ns, 'link', 'set', 'lo', 'up');
      ip('-n', c.ns, 'route', 'add', '224.0.0.0/4', 'dev', c.dev);
      await settle();
      return c;
    },
    setLink: (h, state) => {
      ip('-n', h.ns, 'link', 'set', h.dev, state);
      // A link going down loses its routes.
      if (state === 'up') spawnSync('ip', ['-n', h.ns, 'route', 'replace', '224.0.0.0/4', 'dev', h.dev]);
    },
    readdress: (h, address) => {
      ip('-n', h.ns, 'addr', 'del', `${h.address}/24`, 'dev', h.dev);
      ip('-n', h.ns, 'addr', 'add', `${address}/24`, 'dev', h.dev);
      // Deleting the only address also dropped the multicast route.
      spawnSync('ip', ['-n', h.ns, 'route', 'replace', '224.0.0.0/4', 'dev', h.dev]);
      h.address = address;
    },
    remove,
  };
}
