/**
 * An independent mDNS implementation (avahi, as on a Linux workstation)
 * resolves our advertisement and honours its goodbye.
 */
import { PROTOCOL_VERSION } from '@gfa/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVER_PACKAGE_VERSION } from '../../src/discovery/package-version.js';
import { startAvahi, type Avahi } from './support/avahi.js';
import { runFixture, type Running } from './support/fixtures.js';
import { createLan, netnsSkipReason, type Lan } from './support/netns.js';

const skip = netnsSkipReason();

/** `avahi-browse -p` resolved lines: =;iface;proto;name;type;domain;host;address;port;"k=v" "k=v" */
function resolved(
  output: string,
): { name: string; host: string; address: string; port: number; txt: Record<string, string> }[] {
  return output
    .split('\n')
    .filter((l) => l.startsWith('=;'))
    .map((l) => {
      const [, , , name = '', , , host = '', address = '', port = '', txt = ''] = l.split(';');
      const pairs = [...txt.matchAll(/"([^"=]+)=([^"]*)"/g)].map((m) => [m[1] ?? '', m[2] ?? '']);
      return { name, host, address, port: Number(port), txt: Object.fromEntries(pairs) };
    });
}

/** Browses until `accept` holds (avahi needs a moment to query and resolve). */
async function browseUntil(
  avahi: Avahi,
  accept: (output: string) => boolean,
  timeoutMs: number,
): Promise<string> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const output = avahi.browse('_gfa._tcp');
    if (accept(output) || Date.now() > until) return output;
    await new Promise((later) => setTimeout(later, 500));
  }
}

describe.skipIf(skip !== null)(`avahi sees our advertisement${skip ? ` — skipped: ${skip}` : ''}`, () => {
  let lan: Lan;
  let avahi: Avahi | undefined;
  let server: Running | undefined;

  beforeAll(async () => {
    lan = await createLan();
    avahi = startAvahi(lan.b);
  });
  afterAll(async () => {
    await server?.stop();
    lan?.remove();
    avahi?.cleanup();
  });

  it('resolves _gfa._tcp with its host, address, port and TXT, then drops it on the goodbye', async () => {
    if (!avahi) throw new Error('avahi did not start');
    server = runFixture(lan.a, 'advertise.ts', ['8443', 'AB:CD:EF', 'CES']);
    await server.out.waitFor((l) => l === 'advertising', 15_000, 'the advertiser');
    const output = await browseUntil(avahi, (o) => resolved(o).length > 0, 15_000);
    expect(resolved(output)).toEqual([
      {
        name: 'GFA\\032test',
        host: 'gfa-test.local',
        address: '10.77.0.1',
        port: 8443,
        txt: { site: 'CES', ver: SERVER_PACKAGE_VERSION, v: String(PROTOCOL_VERSION), fp: 'AB:CD:EF' },
      },
    ]);

    await server.stop();
    expect(server.out.all).toContain('stopped');
    // RFC 6762 §10.1: a record received with TTL 0 is dropped one second later.
    const after = await browseUntil(avahi, (o) => !o.includes('GFA\\032test'), 5_000);
    expect(after).not.toContain('GFA\\032test');
  });
});
