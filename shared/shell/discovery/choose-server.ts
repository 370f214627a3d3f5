/**
 * Which server a shell joins, from what mDNS sees and what the shell remembers.
 * The instance name is the identity: DHCP may move the server to another
 * address, so a remembered name is joined wherever it now answers.
 */
import type { FoundServer } from './types.js';
import type { RememberedServer } from '../store/shell-store.js';

export type ServerChoice =
  /** The remembered server, possibly at a new address: join without asking. */
  | { readonly kind: 'join'; readonly server: FoundServer }
  /** First run, exactly one compatible server: propose it (the user confirms). */
  | { readonly kind: 'offer'; readonly server: FoundServer }
  /** First run, several compatible servers: the user picks one. */
  | { readonly kind: 'pick'; readonly servers: readonly FoundServer[] }
  /** The remembered server is not (yet) announced: try its last address, keep listening. */
  | { readonly kind: 'wait-remembered'; readonly remembered: RememberedServer }
  /** The remembered server speaks another protocol version: an update is needed. */
  | { readonly kind: 'incompatible'; readonly server: FoundServer; readonly message: string }
  /** Nothing compatible on the LAN (mDNS may be filtered): ask for an address. */
  | { readonly kind: 'typed-address'; readonly ignored: readonly FoundServer[] };

export function incompatibleMessage(server: FoundServer, ours: number): string {
  return (
    `Le serveur « ${server.name} » (version ${server.version}) utilise le protocole ${server.protocolVersion}, ` +
    `ce poste le protocole ${ours} : mettez à jour le poste ou le serveur.`
  );
}

export function chooseServer(
  found: readonly FoundServer[],
  remembered: RememberedServer | undefined,
  protocolVersion: number,
): ServerChoice {
  const compatible = found.filter((server) => server.protocolVersion === protocolVersion);
  if (remembered) {
    const same = found.find((server) => server.name === remembered.name);
    if (!same) return { kind: 'wait-remembered', remembered };
    if (same.protocolVersion !== protocolVersion) {
      return { kind: 'incompatible', server: same, message: incompatibleMessage(same, protocolVersion) };
    }
    return { kind: 'join', server: same };
  }
  const [only, ...others] = compatible;
  if (!only) return { kind: 'typed-address', ignored: found };
  if (others.length === 0) return { kind: 'offer', server: only };
  return { kind: 'pick', servers: [...compatible].sort((a, b) => a.name.localeCompare(b.name, 'fr')) };
}

/** The address to dial: the announced IPv4 first (host names may not resolve without mDNS). */
export function addressOf(server: FoundServer): string {
  return server.addresses.find((address) => /^\d+\.\d+\.\d+\.\d+$/.test(address)) ?? server.host;
}

export function rememberServer(server: FoundServer): RememberedServer {
  return { name: server.name, host: addressOf(server), port: server.port };
}

export function originOf(host: string, port: number): string {
  const bracketed = host.includes(':') ? `[${host}]` : host;
  return new URL(`https://${bracketed}:${port}`).origin;
}
