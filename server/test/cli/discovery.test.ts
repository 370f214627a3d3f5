/**
 * mDNS between two hosts: two network namespaces joined by a veth pair
 * (multicast does not work on plain loopback). Needs root, as on CI.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const tag = String(process.pid % 10_000);
const nsA = `gfa_a${tag}`;
const nsB = `gfa_b${tag}`;
const fixtures = resolve(import.meta.dirname, 'fixtures');
const root = resolve(import.meta.dirname, '../../..');
const ip = (...args: string[]): void => void execFileSync('ip', args, { stdio: 'pipe' });
const canUseNetns = process.getuid?.() === 0 && spawnSync('ip', ['netns', 'list']).status === 0;

describe.runIf(canUseNetns)('mDNS discovery between two hosts', () => {
  beforeAll(async () => {
    ip('netns', 'add', nsA);
    ip('netns', 'add', nsB);
    ip('link', 'add', `va${tag}`, 'netns', nsA, 'type', 'veth', 'peer', 'name', `vb${tag}`, 'netns', nsB);
    for (const [ns, dev, addr] of [
      [nsA, `va${tag}`, '10.77.0.1/24'],
      [nsB, `vb${tag}`, '10.77.0.2/24'],
    ] as const) {
      ip('-n', ns, 'addr', 'add', addr, 'dev', dev);
      ip('-n', ns, 'link', 'set', dev, 'up');
      ip('-n', ns, 'link', 'set', 'lo', 'up');
      ip('-n', ns, 'route', 'add', '224.0.0.0/4', 'dev', dev);
    }
    await new Promise((r) => setTimeout(r, 2_000));
  });

  afterAll(() => {
    for (const ns of [nsA, nsB]) spawnSync('ip', ['netns', 'delete', ns]);
  });

  it('a workstation host finds the server host with its protocol version and certificate fingerprint', async () => {
    const advertiser = spawn(
      'ip',
      ['netns', 'exec', nsA, process.execPath, '--import', 'tsx', `${fixtures}/advertise.ts`],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      await new Promise<void>((done) => advertiser.stdout.once('data', () => done()));
      const browse = spawnSync(
        'ip',
        ['netns', 'exec', nsB, process.execPath, '--import', 'tsx', `${fixtures}/browse.ts`, '4000'],
        {
          cwd: root,
          encoding: 'utf8',
          timeout: 30_000,
        },
      );
      const found = JSON.parse(browse.stdout.trim().split('\n').at(-1) ?? '[]') as {
        addresses: string[];
        port: number;
        protocolVersion: number;
        fingerprint256: string;
      }[];
      expect(found).toContainEqual(
        expect.objectContaining({
          port: 8443,
          protocolVersion: 1,
          fingerprint256: 'AA:BB:CC',
          addresses: expect.arrayContaining(['10.77.0.1']),
        }),
      );
    } finally {
      advertiser.kill('SIGKILL');
    }
  });
});
