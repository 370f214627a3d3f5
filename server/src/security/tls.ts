/**
 * HTTPS is mandatory (CCTP). On first run the server creates its own
 * certificate authority (20 years) and a server certificate signed by it
 * (about 13 months), both in the data directory. The shells pin the CA's
 * SHA-256 fingerprint, so renewing the server certificate — before expiry, or
 * when the box's name or addresses changed (DHCP) — never breaks a pin, while a
 * certificate from any other CA is refused.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { generate as generateCertificate } from 'selfsigned';
import { workerResult } from '../db/worker-thread.js';

const DAY_MS = 24 * 3600_000;
const CA_VALIDITY_MS = 20 * 365 * DAY_MS;
const SERVER_VALIDITY_MS = 397 * DAY_MS;
/** Renewed this long before expiry, so a box left off for weeks still starts with a valid certificate. */
export const RENEW_BEFORE_MS = 30 * DAY_MS;

export interface Certificate {
  readonly key: string;
  /** Server certificate followed by the CA certificate (the chain a client verifies). */
  readonly cert: string;
  readonly caCert: string;
  /** SHA-256 of the CA certificate, "AB:CD:...": what clients pin, shown by `gfa cert` and in mDNS. */
  readonly fingerprint256: string;
  readonly serverFingerprint256: string;
  readonly validTo: Date;
  readonly names: readonly string[];
  /** True when this call created or renewed the server certificate. */
  readonly renewed: boolean;
}

/** The names and addresses the server certificate must carry right now. */
export function currentNames(): string[] {
  const host = hostname();
  const ips = Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .filter((i) => i.family === 'IPv4' && !i.internal)
    .map((i) => i.address);
  return [...new Set(['localhost', host, `${host}.local`, 'gfa.local', '127.0.0.1', ...ips])];
}

const isIp = (name: string): boolean => /^\d{1,3}(\.\d{1,3}){3}$/.test(name);

function files(dataDir: string) {
  return {
    caCert: join(dataDir, 'ca.pem'),
    caKey: join(dataDir, 'ca-key.pem'),
    cert: join(dataDir, 'cert.pem'),
    key: join(dataDir, 'key.pem'),
  };
}

type Generate = typeof generateCertificate;
const CERTIFICATE_WORKER = new URL('./certificate-worker.ts', import.meta.url);

/** selfsigned's `generate`, run in a worker that ends with it (see `certificate-worker.ts`). */
const generate = (...args: Parameters<Generate>): ReturnType<Generate> =>
  workerResult(CERTIFICATE_WORKER, args);

/** Writes through a temporary file so a crash never leaves half a PEM behind. */
function writeAtomic(file: string, text: string, mode = 0o644): void {
  writeFileSync(`${file}.tmp`, text, { mode });
  renameSync(`${file}.tmp`, file);
}

async function createAuthority(now: Date): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: `GFA autorité locale ${hostname()}` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + CA_VALIDITY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

async function createServerCertificate(
  ca: { cert: string; key: string },
  names: readonly string[],
  now: Date,
): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: names[1] ?? 'gfa.local' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + SERVER_VALIDITY_MS),
    ca,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: names.map((n) => (isIp(n) ? { type: 7, ip: n } : { type: 2, value: n })),
      },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

function namesOf(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(', ')
    .map((entry) => entry.replace(/^(DNS|IP Address):/, ''))
    .filter(Boolean);
}

/** Why the server certificate must be (re)made, or null when it is still right. */
export function renewalReason(
  server: X509Certificate | null,
  ca: X509Certificate,
  names: readonly string[],
  now: Date,
): string | null {
  if (!server) return 'absent';
  if (!server.checkIssued(ca) || !server.verify(ca.publicKey)) return 'autre autorité';
  if (new Date(server.validTo).getTime() - now.getTime() < RENEW_BEFORE_MS) return 'expiration proche';
  const carried = new Set(namesOf(server));
  if (names.some((n) => !carried.has(n))) return 'nom ou adresse changés';
  return null;
}

/**
 * Loads the CA and the server certificate, creating or renewing what is
 * missing, expiring or stale. `force` renews the server certificate anyway.
 */
export async function ensureCertificate(
  dataDir: string,
  now = new Date(),
  options: { names?: readonly string[]; force?: boolean } = {},
): Promise<Certificate> {
  const f = files(dataDir);
  mkdirSync(dataDir, { recursive: true });
  if (!existsSync(f.caCert) || !existsSync(f.caKey)) {
    const authority = await createAuthority(now);
    writeAtomic(f.caKey, authority.key, 0o600);
    writeAtomic(f.caCert, authority.cert);
  }
  const ca = { cert: readFileSync(f.caCert, 'utf8'), key: readFileSync(f.caKey, 'utf8') };
  const caX509 = new X509Certificate(ca.cert);
  const names = options.names ?? currentNames();
  const existing = existsSync(f.cert) && existsSync(f.key) ? new X509Certificate(readFileSync(f.cert)) : null;
  const reason = options.force ? 'demandé' : renewalReason(existing, caX509, names, now);
  if (reason) {
    const made = await createServerCertificate(ca, names, now);
    writeAtomic(f.key, made.key, 0o600);
    writeAtomic(f.cert, made.cert);
  }
  const serverPem = readFileSync(f.cert, 'utf8');
  const server = new X509Certificate(serverPem);
  return {
    key: readFileSync(f.key, 'utf8'),
    cert: `${serverPem.trimEnd()}\n${ca.cert}`,
    caCert: ca.cert,
    fingerprint256: caX509.fingerprint256,
    serverFingerprint256: server.fingerprint256,
    validTo: new Date(server.validTo),
    names: namesOf(server),
    renewed: reason !== null,
  };
}
