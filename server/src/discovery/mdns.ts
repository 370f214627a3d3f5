/**
 * mDNS (DNS-SD) advertisement of the queue server, so that the kiosk, the
 * displays and the workstations find it on the LAN without configuration.
 * The TXT record carries the protocol version and the certificate fingerprint
 * that the shells pin.
 */
import { Bonjour } from 'bonjour-service';
import { PROTOCOL_VERSION } from '@gfa/shared';

export const SERVICE_TYPE = 'gfa';

export interface Advertisement {
  stop(): Promise<void>;
}

export function advertise(options: { port: number; name: string; fingerprint256: string }): Advertisement {
  const bonjour = new Bonjour();
  bonjour.publish({
    name: options.name,
    type: SERVICE_TYPE,
    protocol: 'tcp',
    port: options.port,
    txt: { v: String(PROTOCOL_VERSION), fp: options.fingerprint256 },
  });
  return {
    stop: () => new Promise<void>((done) => bonjour.unpublishAll(() => bonjour.destroy(() => done()))),
  };
}

export interface FoundServer {
  readonly host: string;
  readonly addresses: string[];
  readonly port: number;
  readonly protocolVersion: number;
  readonly fingerprint256: string;
}

/** Browses the LAN for GFA servers for `timeoutMs` (used by the shells). */
export function browse(timeoutMs: number): Promise<FoundServer[]> {
  const bonjour = new Bonjour();
  const found: FoundServer[] = [];
  const browser = bonjour.find({ type: SERVICE_TYPE, protocol: 'tcp' }, (service) => {
    const txt = (service.txt ?? {}) as Record<string, string>;
    found.push({
      host: service.host,
      addresses: service.addresses ?? [],
      port: service.port,
      protocolVersion: Number(txt.v),
      fingerprint256: txt.fp ?? '',
    });
  });
  return new Promise((done) =>
    setTimeout(() => {
      browser.stop();
      bonjour.destroy(() => done(found));
    }, timeoutMs),
  );
}
