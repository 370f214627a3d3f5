/**
 * A server with two network cards is found from both LANs: one responder per
 * LAN address, each sending on its own interface (host A's multicast route
 * only leads to its first LAN).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventLine, parseEvent, runFixture, startWatcher, type Running } from './support/fixtures.js';
import { createLan, netnsSkipReason, type Lan, type NetnsHost } from './support/netns.js';

const skip = netnsSkipReason();

describe.skipIf(skip !== null)(`a server on two LANs${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let lan: Lan;
  let c: NetnsHost;
  const running: Running[] = [];

  beforeAll(async () => {
    lan = await createLan();
    c = await lan.addSecondLan();
  });
  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop()));
    lan?.remove();
  });

  it('is seen from each LAN, with both addresses, and goes down on both', async () => {
    const watchers = [await startWatcher(lan.b), await startWatcher(c)];
    running.push(...watchers);
    const server = runFixture(lan.a, 'advertise.ts', ['8443', 'AB:CD:EF', 'CES']);
    running.push(server);
    for (const watcher of watchers) {
      const up = parseEvent(await watcher.out.waitFor(eventLine('up'), 10_000, 'the server to be up'));
      expect(up).toMatchObject({
        kind: 'up',
        server: { name: 'GFA test', addresses: ['10.77.0.1', '10.78.0.1'], port: 8443 },
      });
    }
    await server.stop();
    for (const watcher of watchers) await watcher.out.waitFor(eventLine('down'), 5_000, 'the goodbye');
  });
});
