/**
 * Watches the LAN for GFA servers (`_gfa._tcp`, advertised by
 * server/src/discovery/mdns.ts) for as long as a shell runs.
 *
 * bonjour-service's Browser reports a new instance, its goodbye and a TXT
 * change, but not an address change: it keeps the addresses of the first
 * answer. A DHCP renewal must reach the shells, so the A records of every
 * answer are read here too, from the same socket. Nor does it notice a server
 * that vanished without a goodbye (crash, cable pulled): the answers to the
 * periodic requery serve as a heartbeat.
 */
import { Bonjour, type Service } from 'bonjour-service';
import type { FoundServer, ServerEvent, ServerWatch } from './types.js';

export interface WatchOptions {
  /** How often the LAN is asked again, so that a restarted server or a missed announcement is seen. */
  readonly requeryMs?: number;
  /** A server that has not answered for this long is reported down (3 requeries and 2 s by default). */
  readonly staleAfterMs?: number;
  /** Socket errors are reported here (console.warn by default); the watch goes on. */
  readonly onError?: (error: Error) => void;
}

interface MdnsRecord {
  readonly name: string;
  readonly type: string;
  readonly ttl?: number;
  readonly data: unknown;
}
interface MdnsPacket {
  readonly answers: readonly MdnsRecord[];
  readonly additionals: readonly MdnsRecord[];
}
/** The multicast-dns socket that bonjour-service keeps private (typed only as far as used here). */
interface MulticastDns {
  on(event: 'response', listener: (packet: MdnsPacket) => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  removeListener(event: 'response', listener: (packet: MdnsPacket) => void): void;
}
const socketOf = (bonjour: Bonjour): MulticastDns =>
  (bonjour as unknown as { server: { mdns: MulticastDns } }).server.mdns;

const SERVICE_TYPE = 'gfa';
const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
const distinctSorted = (addresses: readonly string[]): string[] => [...new Set(addresses)].sort();

function toFound(service: Service, fallbackAddresses: readonly string[] = []): FoundServer {
  const txt = (service.txt ?? {}) as Record<string, unknown>;
  const text = (key: string): string => (txt[key] === undefined ? '' : String(txt[key]));
  const addresses = service.addresses?.length ? service.addresses : fallbackAddresses;
  return {
    name: service.name,
    host: service.host,
    addresses: distinctSorted(addresses),
    port: service.port,
    site: text('site'),
    version: text('ver'),
    protocolVersion: Number(text('v')) || 0,
    fingerprint256: text('fp'),
  };
}

const sameServer = (a: FoundServer, b: FoundServer): boolean => JSON.stringify(a) === JSON.stringify(b);

export function watchServers(options: WatchOptions = {}): ServerWatch {
  const onError = options.onError ?? ((error: Error) => console.warn(`Découverte mDNS : ${error.message}`));
  const bonjour = new Bonjour({}, onError);
  const socket = socketOf(bonjour);
  socket.on('error', onError);
  const servers = new Map<string, FoundServer>();
  const lastSeen = new Map<string, number>();
  const listeners = new Set<(event: ServerEvent) => void>();

  const emit = (event: ServerEvent): void => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One faulty listener must not blind the others nor break the socket's handler.
        console.error(error);
      }
    }
  };
  const upsert = (server: FoundServer): void => {
    lastSeen.set(server.name, Date.now());
    const known = servers.get(server.name);
    if (known && sameServer(known, server)) return;
    servers.set(server.name, server);
    emit(known ? { kind: 'changed', server } : { kind: 'up', server });
  };

  const browser = bonjour.find({ type: SERVICE_TYPE, protocol: 'tcp' });
  browser.on('up', (service) => upsert(toFound(service)));
  const update = (service: Service): void => upsert(toFound(service, servers.get(service.name)?.addresses));
  browser.on('txt-update', update);
  browser.on('srv-update', update);
  const drop = (name: string): void => {
    lastSeen.delete(name);
    if (servers.delete(name)) emit({ kind: 'down', name });
  };
  browser.on('down', (service) => drop(service.name));

  // Registered after the Browser's own listener: a new server is already known here.
  const onResponse = (packet: MdnsPacket): void => {
    const records = [...packet.answers, ...packet.additionals];
    const addressRecords = records.filter((r) => r.type === 'A' || r.type === 'AAAA');
    const addressesOf = (host: string): { live: string[]; gone: string[] } => {
      const own = addressRecords.filter((r) => sameName(r.name, host));
      return {
        live: own.filter((r) => (r.ttl ?? 1) > 0).map((r) => String(r.data)),
        gone: own.filter((r) => r.ttl === 0).map((r) => String(r.data)),
      };
    };
    // A pointer to an instance is a sign of life; it also brings back a server
    // reported down for silence, which the Browser never forgot.
    for (const ptr of records.filter((r) => r.type === 'PTR' && (r.ttl ?? 1) > 0)) {
      const service = browser.services.find((s) => sameName(s.fqdn, String(ptr.data)));
      if (!service) continue;
      lastSeen.set(service.name, Date.now());
      if (servers.has(service.name)) continue;
      const { live } = addressesOf(service.host);
      const found = toFound(service);
      upsert(live.length ? { ...found, addresses: distinctSorted(live) } : found);
    }
    for (const server of servers.values()) {
      const { live, gone } = addressesOf(server.host);
      if (!live.length && !gone.length) continue;
      // A responder sends all its addresses together: a fresh list replaces the old one.
      const addresses = live.length ? live : server.addresses.filter((a) => !gone.includes(a));
      upsert({ ...server, addresses: distinctSorted(addresses) });
    }
  };
  socket.on('response', onResponse);

  const requeryMs = options.requeryMs ?? 10_000;
  const staleAfterMs = options.staleAfterMs ?? 3 * requeryMs + 2_000;
  const requery = setInterval(() => {
    const now = Date.now();
    for (const name of [...servers.keys()]) if (now - (lastSeen.get(name) ?? now) > staleAfterMs) drop(name);
    browser.update();
  }, requeryMs);
  requery.unref();

  return {
    current: () => [...servers.values()],
    onEvent: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop: () => {
      clearInterval(requery);
      browser.stop();
      socket.removeListener('response', onResponse);
      listeners.clear();
      return new Promise<void>((done) => bonjour.destroy(() => done()));
    },
  };
}
