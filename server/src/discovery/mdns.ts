/**
 * mDNS (DNS-SD) advertisement of the queue server, so that the kiosks, the
 * displays and the workstations find it on the LAN without configuration
 * (the shells browse with shared/shell/discovery/browser.ts). See README.md.
 */
import { hostname } from 'node:os';
import { Bonjour, type ServiceConfig } from 'bonjour-service';
import { PROTOCOL_VERSION } from '@gfa/shared';
import { lanIPv4Addresses, watchLanAddresses } from './lan-addresses.js';
import { SERVER_PACKAGE_VERSION } from './package-version.js';

/** DNS-SD service type `_gfa._tcp`. */
export const SERVICE_TYPE = 'gfa';

export interface AdvertiseOptions {
  readonly port: number;
  /** TXT `site`: the centre's site name. */
  readonly site: string;
  /** TXT `fp`: SHA-256 fingerprint ("AB:CD:…") of the certificate the shells pin. */
  readonly fingerprint256: string;
  /** Instance name; `GFA <hostname>` by default. */
  readonly name?: string;
  /** SRV target; `<hostname>.local` by default. */
  readonly host?: string;
  /** TXT `ver`; the server package version by default. */
  readonly version?: string;
  /** How often the LAN addresses are checked for a change (DHCP renewal). */
  readonly interfacePollMs?: number;
  /** Socket errors never stop the server; they are reported here (console.warn by default). */
  readonly onError?: (error: Error) => void;
}

export interface Advertisement {
  /** Withdraws the advertisement (goodbye packets, TTL 0) and closes the sockets. */
  stop(): Promise<void>;
}

/** The multicast-dns socket that bonjour-service keeps private (typed only as far as used here). */
interface MulticastDns {
  respond(records: object[], callback?: (error?: Error | null) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
}
const socketOf = (bonjour: Bonjour): MulticastDns =>
  (bonjour as unknown as { server: { mdns: MulticastDns } }).server.mdns;

const hostLabel = (): string => hostname().split('.')[0] ?? 'gfa';

export function advertise(options: AdvertiseOptions): Advertisement {
  const name = options.name ?? `GFA ${hostLabel()}`;
  const host = options.host ?? `${hostLabel()}.local`;
  const txt = {
    site: options.site,
    ver: options.version ?? SERVER_PACKAGE_VERSION,
    v: String(PROTOCOL_VERSION),
    fp: options.fingerprint256,
  };
  const seen = new Set<string>();
  const onError =
    options.onError ??
    ((error: Error) => {
      if (seen.has(error.message)) return;
      seen.add(error.message);
      console.warn(`Annonce mDNS : ${error.message}`);
    });

  // One responder per LAN address: bonjour-service sends on a single
  // interface otherwise (the kernel's choice), and a server with two network
  // cards must be found from both.
  const respondOn = (address: string, vanished: readonly string[]): Bonjour => {
    const socket = { interface: address, bind: '0.0.0.0' } as unknown as Partial<ServiceConfig>;
    const bonjour = new Bonjour(socket, onError);
    socketOf(bonjour).on('error', onError);
    bonjour.publish({
      name,
      type: SERVICE_TYPE,
      protocol: 'tcp',
      port: options.port,
      host,
      txt,
      // The name carries the host name, unique on the LAN; probing would make
      // our own responders (one per interface) see each other as a conflict.
      probe: false,
      // Only IPv4: link-local IPv6 addresses are useless without their zone.
      disableIPv6: true,
    });
    // Then caches elsewhere drop the addresses this host no longer has (goodbye,
    // TTL 0), after the new ones: a browser never sees the server without address.
    if (vanished.length)
      socketOf(bonjour).respond(vanished.map((data) => ({ name: host, type: 'A', ttl: 0, data })));
    return bonjour;
  };

  const initial = lanIPv4Addresses();
  let responders = initial.map((a) => respondOn(a, []));
  // bonjour-service computes its A records once, at publication: when the
  // addresses change, the server keeps running and publishes again, without a
  // goodbye for the service itself (browsers see it change, not go down).
  const stopWatch = watchLanAddresses(initial, options.interfacePollMs ?? 3_000, (now, before) => {
    const vanished = before.filter((a) => !now.includes(a));
    for (const old of responders) old.destroy();
    responders = now.map((a) => respondOn(a, vanished));
  });

  return {
    stop: async () => {
      stopWatch();
      const closing = responders;
      responders = [];
      await Promise.all(
        closing.map(
          (bonjour) => new Promise<void>((done) => bonjour.unpublishAll(() => bonjour.destroy(() => done()))),
        ),
      );
    },
  };
}
