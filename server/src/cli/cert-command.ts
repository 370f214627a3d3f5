/**
 * `gfa cert`: what the administrator compares on a device being enrolled —
 * the fingerprint of the server's own certificate authority — and the state
 * of the server certificate. `--renew` makes a new server certificate now
 * (the running server picks it up at its next check or restart).
 */
import { defaultDataDir } from '../db/database.js';
import { ensureCertificate } from '../security/tls.js';

export async function showCertificate(options: { dataDir?: string; renew?: boolean }): Promise<void> {
  const certificate = await ensureCertificate(options.dataDir ?? defaultDataDir(), new Date(), {
    force: options.renew === true,
  });
  console.log(`Empreinte de l’autorité GFA (SHA-256, à comparer lors de l’appairage) :`);
  console.log(`  ${certificate.fingerprint256}`);
  console.log(`Certificat du serveur : valable jusqu’au ${certificate.validTo.toISOString().slice(0, 10)}`);
  console.log(`  empreinte ${certificate.serverFingerprint256}`);
  console.log(`  noms : ${certificate.names.join(', ')}`);
  if (certificate.renewed) console.log('Certificat du serveur renouvelé.');
}
