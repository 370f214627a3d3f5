/**
 * watchServers against an independent mDNS implementation (python-zeroconf)
 * on another host (network namespace): up with the TXT fields, a TXT update
 * as changed, the goodbye as down. Needs root, as on CI.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  eventLine,
  parseEvent,
  run,
  startWatcher,
  type Running,
} from '../../../../server/test/discovery/support/fixtures.js';
import { createLan, netnsSkipReason, type Lan } from '../../../../server/test/discovery/support/netns.js';

const skip = netnsSkipReason();
// The Debian package python3-zeroconf installs for the system interpreter.
const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const publisher = resolve(import.meta.dirname, 'zeroconf-publisher.py');

describe.skipIf(skip !== null)(`watchServers and python-zeroconf${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let lan: Lan;
  const running: Running[] = [];

  beforeAll(async () => {
    lan = await createLan();
  });
  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop()));
    lan?.remove();
  });

  it('reports up with the TXT fields, a TXT update as changed, and the goodbye as down', async () => {
    const watcher = await startWatcher(lan.b);
    running.push(watcher);
    const peer = run(lan.a, python, [publisher, lan.a.address]);
    running.push(peer);
    await peer.out.waitFor((l) => l === 'registered', 15_000, 'zeroconf to register');

    const up = parseEvent(await watcher.out.waitFor(eventLine('up'), 10_000, 'the zeroconf server'));
    expect(up).toEqual({
      kind: 'up',
      server: {
        name: 'GFA zeroconf',
        host: 'gfa-zeroconf.local',
        addresses: [lan.a.address],
        port: 9443,
        site: 'CES Arcachon',
        version: '9.9.9',
        protocolVersion: 1,
        fingerprint256: 'AA:AA',
      },
    });

    peer.child.stdin.write('update\n');
    const changed = parseEvent(await watcher.out.waitFor(eventLine('changed'), 10_000, 'the TXT update'));
    if (up.kind !== 'up') throw new Error('unreachable: waited for up');
    expect(changed).toEqual({ kind: 'changed', server: { ...up.server, fingerprint256: 'BB:BB' } });

    peer.child.stdin.write('stop\n');
    await watcher.out.waitFor(eventLine('down'), 10_000, 'the goodbye');
    expect(watcher.out.events<{ kind: string }>().map((e) => e.kind)).toEqual(['up', 'changed', 'down']);
  });
});
