import { describe, expect, it } from 'vitest';
import { addressOf, chooseServer, originOf, rememberServer } from '../discovery/choose-server.js';
import type { FoundServer } from '../discovery/types.js';

const server = (name: string, over: Partial<FoundServer> = {}): FoundServer => ({
  name,
  host: `${name.toLowerCase().replaceAll(' ', '-')}.local`,
  addresses: ['fe80::1', '192.168.1.20'],
  port: 8443,
  site: 'Bordeaux',
  version: '1.0.0',
  protocolVersion: 1,
  fingerprint256: 'AB:CD',
  ...over,
});

describe('chooseServer', () => {
  it('joins the remembered instance even when DHCP moved it', () => {
    const moved = server('GFA CES', { addresses: ['192.168.1.99'] });
    const choice = chooseServer(
      [server('GFA AUTRE'), moved],
      { name: 'GFA CES', host: '192.168.1.20', port: 8443 },
      1,
    );
    expect(choice).toEqual({ kind: 'join', server: moved });
    if (choice.kind === 'join') expect(rememberServer(choice.server).host).toBe('192.168.1.99');
  });

  it('waits for the remembered server rather than joining another one', () => {
    const remembered = { name: 'GFA CES', host: '192.168.1.20', port: 8443 };
    expect(chooseServer([server('GFA AUTRE')], remembered, 1)).toEqual({
      kind: 'wait-remembered',
      remembered,
    });
  });

  it('refuses a protocol version mismatch with a French message', () => {
    const old = server('GFA CES', { protocolVersion: 2, version: '2.0.0' });
    const choice = chooseServer([old], { name: 'GFA CES', host: 'x', port: 8443 }, 1);
    expect(choice.kind).toBe('incompatible');
    if (choice.kind === 'incompatible') expect(choice.message).toMatch(/protocole 2.*protocole 1/);
    // On first run an incompatible server is not offered at all.
    expect(chooseServer([old], undefined, 1)).toEqual({ kind: 'typed-address', ignored: [old] });
  });

  it('offers the only server, lets the user pick among several, asks for an address when none', () => {
    const a = server('GFA B');
    const b = server('GFA A');
    expect(chooseServer([a], undefined, 1)).toEqual({ kind: 'offer', server: a });
    expect(chooseServer([a, b], undefined, 1)).toEqual({ kind: 'pick', servers: [b, a] });
    expect(chooseServer([], undefined, 1)).toEqual({ kind: 'typed-address', ignored: [] });
  });

  it('dials the IPv4 address, and builds origins for IPv6 too', () => {
    expect(addressOf(server('GFA A'))).toBe('192.168.1.20');
    expect(addressOf(server('GFA A', { addresses: [] }))).toBe('gfa-a.local');
    expect(originOf('10.0.0.1', 8443)).toBe('https://10.0.0.1:8443');
    expect(originOf('fe80::1', 443)).toBe('https://[fe80::1]');
  });
});
