/**
 * `gfa serve` as a real process on host A (a network namespace), a shell's
 * watcher on host B: the advertisement the shells rely on, its withdrawal at
 * shutdown, and `--no-mdns`. Needs root, as on CI.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROTOCOL_VERSION } from '@gfa/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_PACKAGE_VERSION } from '../../src/discovery/package-version.js';
import { eventLine, parseEvent, run, startWatcher, type Running } from '../discovery/support/fixtures.js';
import { createLan, netnsSkipReason, type Lan } from '../discovery/support/netns.js';

const bin = resolve(import.meta.dirname, '../../bin/gfa.mjs');
const skip = netnsSkipReason();

describe.skipIf(skip !== null)(`gfa serve on the LAN${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let lan: Lan;
  const running: Running[] = [];
  const dataDirs: string[] = [];

  const serve = async (...options: string[]): Promise<{ server: Running; fingerprint: string }> => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gfa-mdns-'));
    dataDirs.push(dataDir);
    const server = run(lan.a, process.execPath, [bin, 'serve', '--data-dir', dataDir, ...options]);
    running.push(server);
    const line = await server.out.waitFor((l) => l.startsWith('Empreinte'), 25_000, 'gfa serve to start');
    return { server, fingerprint: line.split(' : ')[1] ?? '' };
  };
  /** UDP sockets open in host A (where only the server runs). */
  const udpSocketsOfA = (): string => lan.a.run('ss', ['-uanpH']);

  beforeAll(async () => {
    lan = await createLan();
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.stop()));
  });
  afterAll(() => {
    lan?.remove();
    for (const dir of dataDirs) rmSync(dir, { recursive: true, force: true });
  });

  it('advertises _gfa._tcp with site, version, protocol and pinned fingerprint, and withdraws it at shutdown', async () => {
    const watcher = await startWatcher(lan.b);
    running.push(watcher);
    const { server, fingerprint } = await serve('--port', '8443');
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const up = parseEvent(await watcher.out.waitFor(eventLine('up'), 10_000, 'the server to be up'));
    const label = hostname().split('.')[0];
    expect(up).toEqual({
      kind: 'up',
      server: {
        name: `GFA ${label}`,
        host: `${label}.local`,
        addresses: ['10.77.0.1'],
        port: 8443,
        site: 'CES',
        version: SERVER_PACKAGE_VERSION,
        protocolVersion: PROTOCOL_VERSION,
        fingerprint256: fingerprint,
      },
    });
    expect(udpSocketsOfA()).toMatch(/:5353\b/);

    await server.stop();
    expect(server.child.exitCode).toBe(0);
    // Within seconds: the goodbye (TTL 0), not a cache expiry (TTLs are minutes long).
    await watcher.out.waitFor(eventLine('down'), 5_000, 'the server to go down');
  });

  it('--no-mdns: no mDNS socket, and a watcher on the LAN sees nothing', async () => {
    const watcher = await startWatcher(lan.b);
    running.push(watcher);
    await serve('--port', '8443', '--no-mdns');
    // The watcher asks every second: four questions go unanswered.
    await new Promise((waited) => setTimeout(waited, 4_000));
    expect(watcher.out.events()).toEqual([]);
    expect(udpSocketsOfA()).not.toMatch(/:5353\b/);
  });
});
