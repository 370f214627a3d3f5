/**
 * What a shell learns about a GFA server from mDNS (`_gfa._tcp`). The
 * browser lives beside this file; the shells' policies only see this shape.
 */
export interface FoundServer {
  /** The DNS-SD instance name, stable across address changes (e.g. "GFA CES-SERVEUR"). */
  readonly name: string;
  readonly host: string;
  readonly addresses: readonly string[];
  readonly port: number;
  /** TXT `site`: the centre's site name. */
  readonly site: string;
  /** TXT `ver`: the server's software version. */
  readonly version: string;
  /** TXT `v`: the protocol version the server speaks. */
  readonly protocolVersion: number;
  /** TXT `fp`: SHA-256 fingerprint of the server certificate, "AB:CD:…". */
  readonly fingerprint256: string;
}

export type ServerEvent =
  | { readonly kind: 'up'; readonly server: FoundServer }
  | { readonly kind: 'changed'; readonly server: FoundServer }
  | { readonly kind: 'down'; readonly name: string };

/** A live view of the servers on the LAN, for as long as the shell runs. */
export interface ServerWatch {
  current(): readonly FoundServer[];
  onEvent(listener: (event: ServerEvent) => void): () => void;
  stop(): Promise<void>;
}
