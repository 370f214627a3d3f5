/**
 * HTTPS is mandatory (CCTP): on first run a self-signed certificate is
 * generated in the data directory; its SHA-256 fingerprint lets the shells pin it.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';

export interface Certificate {
  readonly key: string;
  readonly cert: string;
  /** "AB:CD:..." as shown by browsers and `openssl x509 -fingerprint -sha256`. */
  readonly fingerprint256: string;
}

export async function ensureCertificate(dataDir: string, now = new Date()): Promise<Certificate> {
  const keyFile = join(dataDir, 'key.pem');
  const certFile = join(dataDir, 'cert.pem');
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(dataDir, { recursive: true });
    const host = hostname();
    const tenYears = new Date(now.getTime() + 10 * 365 * 24 * 3600 * 1000);
    const pems = await generate([{ name: 'commonName', value: 'gfa.local' }], {
      keyType: 'ec',
      algorithm: 'sha256',
      notBeforeDate: now,
      notAfterDate: tenYears,
      extensions: [
        { name: 'basicConstraints', cA: false },
        { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
        { name: 'extKeyUsage', serverAuth: true },
        {
          name: 'subjectAltName',
          altNames: [
            { type: 2, value: 'localhost' },
            { type: 2, value: host },
            { type: 2, value: `${host}.local` },
            { type: 2, value: 'gfa.local' },
            { type: 7, ip: '127.0.0.1' },
          ],
        },
      ],
    });
    writeFileSync(keyFile, pems.private, { mode: 0o600 });
    writeFileSync(certFile, pems.cert);
  }
  const cert = readFileSync(certFile, 'utf8');
  return {
    key: readFileSync(keyFile, 'utf8'),
    cert,
    fingerprint256: new X509Certificate(cert).fingerprint256,
  };
}
