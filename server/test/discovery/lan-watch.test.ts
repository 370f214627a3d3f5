/**
 * Our advertiser (server/src/discovery/mdns.ts) on host A, our watcher
 * (shared/shell/discovery/browser.ts) on host B: what a shell sees when the
 * server starts, changes address (DHCP renewal) and restarts.
 */
import { PROTOCOL_VERSION } from '@gfa/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_PACKAGE_VERSION } from '../../src/discovery/package-version.js';
import { eventLine, parseEvent, runFixture, startWatcher, type Running } from './support/fixtures.js';
import { createLan, netnsSkipReason, type Lan } from './support/netns.js';

const skip = netnsSkipReason();

describe.skipIf(skip !== null)(`mDNS between two hosts${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let lan: Lan;
  const running: Running[] = [];
  const start = (r: Running): Running => (running.push(r), r);

  beforeAll(async () => {
    lan = await createLan();
  });
  // Each test starts from a silent LAN: the same instance name must not linger from the previous one.
  afterEach(async () => {
    await Promise.all(running.splice(0).map((r) => r.stop()));
  });
  afterAll(() => lan?.remove());

  it('sees the server with its TXT, then the same server at its new address after a DHCP change', async () => {
    const watcher = start(await startWatcher(lan.b));
    const server = start(runFixture(lan.a, 'advertise.ts', ['8443', 'AB:CD:EF', 'CES Bordeaux']));
    const up = parseEvent(await watcher.out.waitFor(eventLine('up'), 10_000, 'the server to be up'));
    if (up.kind !== 'up') throw new Error('unreachable: waited for up');
    expect(up).toEqual({
      kind: 'up',
      server: {
        name: 'GFA test',
        host: 'gfa-test.local',
        addresses: ['10.77.0.1'],
        port: 8443,
        site: 'CES Bordeaux',
        version: SERVER_PACKAGE_VERSION,
        protocolVersion: PROTOCOL_VERSION,
        fingerprint256: 'AB:CD:EF',
      },
    });

    const seen = watcher.out.all.length;
    lan.readdress(lan.a, '10.77.0.9');
    const changed = parseEvent(
      await watcher.out.waitFor(
        eventLine('changed', (e) => e.kind === 'changed' && e.server.addresses.includes('10.77.0.9')),
        10_000,
        'the new address',
      ),
    );
    // Same instance, same TXT: only the address moved, and the old one is gone.
    expect(changed).toEqual({ kind: 'changed', server: { ...up.server, addresses: ['10.77.0.9'] } });
    // The server never went down, and the advertiser process kept running.
    expect(watcher.out.events<{ kind: string }>(seen).map((e) => e.kind)).not.toContain('down');
    expect(server.child.exitCode).toBeNull();
  });

  it('sees a stopped server go down (goodbye) and come back up when restarted', async () => {
    const watcher = start(await startWatcher(lan.b));
    const first = start(runFixture(lan.a, 'advertise.ts', ['8443', 'AB:CD:EF', 'CES']));
    await first.out.waitFor((l) => l === 'advertising', 15_000, 'the advertiser');
    await watcher.out.waitFor(eventLine('up'), 10_000, 'the server to be up');
    await first.stop();
    expect(first.out.all).toContain('stopped');
    // Within seconds: the goodbye, not a cache expiry (TTLs are minutes long).
    await watcher.out.waitFor(eventLine('down'), 5_000, 'the server to go down');
    expect(watcher.out.events().at(-1)).toEqual({ kind: 'down', name: 'GFA test' });

    start(runFixture(lan.a, 'advertise.ts', ['8444', 'AB:CD:EF', 'CES']));
    const again = parseEvent(
      await watcher.out.waitFor(
        eventLine('up', (e) => e.kind === 'up' && e.server.port === 8444),
        10_000,
        'the restarted server',
      ),
    );
    expect(again).toMatchObject({ kind: 'up', server: { name: 'GFA test', port: 8444 } });
  });

  it('sees a TXT change of the same server (restarted after a crash, no goodbye) as changed', async () => {
    const watcher = start(await startWatcher(lan.b));
    const crashed = start(runFixture(lan.a, 'advertise.ts', ['8443', 'AB:CD:EF', 'CES']));
    await crashed.out.waitFor((l) => l === 'advertising', 15_000, 'the advertiser');
    await watcher.out.waitFor(eventLine('up'), 10_000, 'the server to be up');
    crashed.child.kill('SIGKILL');
    await crashed.stop();

    // The new certificate (e.g. the CA the shells now pin) comes back under the same name.
    start(runFixture(lan.a, 'advertise.ts', ['8443', '12:34:56', 'CES']));
    const changed = parseEvent(
      await watcher.out.waitFor(eventLine('changed'), 10_000, 'the new fingerprint'),
    );
    expect(changed).toMatchObject({
      kind: 'changed',
      server: { name: 'GFA test', fingerprint256: '12:34:56', addresses: [lan.a.address] },
    });
    expect(watcher.out.events<{ kind: string }>().map((e) => e.kind)).toEqual(['up', 'changed']);
  });

  it('reports a server that stopped answering (crash, cable pulled) down, and up when it answers again', async () => {
    const watcher = start(await startWatcher(lan.b, 3_000));
    const server = start(runFixture(lan.a, 'advertise.ts', ['8443', 'AB:CD:EF', 'CES']));
    await server.out.waitFor((l) => l === 'advertising', 15_000, 'the advertiser');
    await watcher.out.waitFor(eventLine('up'), 10_000, 'the server to be up');
    // Still up after more than the silence allowed: the requeries are answered.
    await new Promise((waited) => setTimeout(waited, 4_000));
    expect(watcher.out.events<{ kind: string }>().map((e) => e.kind)).toEqual(['up']);

    // The cable is pulled: no goodbye, no more answers.
    lan.setLink(lan.a, 'down');
    await watcher.out.waitFor(eventLine('down'), 10_000, 'the silent server to go down');
    const seen = watcher.out.all.length;
    lan.setLink(lan.a, 'up');
    const again = parseEvent(await watcher.out.waitFor(eventLine('up'), 15_000, 'its return', seen));
    expect(again).toMatchObject({ kind: 'up', server: { name: 'GFA test', fingerprint256: 'AB:CD:EF' } });
    expect(watcher.out.events<{ kind: string }>().map((e) => e.kind)).toEqual(['up', 'down', 'up']);
  });
});
