/**
 * The server's own certificate authority: created once, server certificate
 * renewed before expiry or when names change, pinned clients accept only it.
 * Checked with the openssl CLI (an independent implementation) and real TLS.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect, type PeerCertificate } from 'node:tls';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureCertificate, RENEW_BEFORE_MS } from '../../src/security/tls.js';
import { startServer, type RunningServer } from '../../src/web/server.js';

const tempDir = (): string => mkdtempSync(join(tmpdir(), 'gfa-tls-'));
const DAY = 24 * 3600_000;
const names = ['localhost', 'ces-serveur', 'ces-serveur.local', 'gfa.local', '127.0.0.1', '192.168.10.5'];

function openssl(args: string[]): string {
  return execFileSync('openssl', args, { encoding: 'utf8' });
}

/** Opens a TLS connection that trusts only `caPem`, as a pinned shell does. */
function handshake(port: number, caPem: string): Promise<PeerCertificate> {
  return new Promise((done, fail) => {
    const socket = connect({ host: '127.0.0.1', port, ca: caPem, servername: 'localhost' }, () => {
      const peer = socket.getPeerCertificate();
      socket.end();
      done(peer);
    });
    socket.once('error', fail);
  });
}

describe('certificate authority and server certificate', () => {
  it('creates a CA and a server certificate it signed, with the box names and addresses', async () => {
    const dir = tempDir();
    const made = await ensureCertificate(dir, new Date(), { names });
    expect(made.renewed).toBe(true);
    expect(openssl(['verify', '-CAfile', join(dir, 'ca.pem'), join(dir, 'cert.pem')])).toContain('OK');
    const caFingerprint = openssl(['x509', '-in', join(dir, 'ca.pem'), '-noout', '-fingerprint', '-sha256']);
    expect(caFingerprint.trim()).toBe(`sha256 Fingerprint=${made.fingerprint256}`);
    const text = openssl(['x509', '-in', join(dir, 'cert.pem'), '-noout', '-text']);
    for (const dns of ['localhost', 'ces-serveur', 'ces-serveur.local']) expect(text).toContain(`DNS:${dns}`);
    expect(text).toContain('IP Address:192.168.10.5');
    expect(text).toContain('TLS Web Server Authentication');
    const caText = openssl(['x509', '-in', join(dir, 'ca.pem'), '-noout', '-text']);
    expect(caText).toContain('CA:TRUE');
    // The CA key stays readable by the service account only.
    expect(readFileSync(join(dir, 'ca-key.pem'), 'utf8')).toContain('PRIVATE KEY');
  });

  it('keeps a valid certificate, renews it before expiry and when the address changes, never the CA', async () => {
    const dir = tempDir();
    const start = new Date('2026-01-05T08:00:00Z');
    const first = await ensureCertificate(dir, start, { names });
    const again = await ensureCertificate(dir, new Date(start.getTime() + 100 * DAY), { names });
    expect(again.renewed).toBe(false);
    expect(again.serverFingerprint256).toBe(first.serverFingerprint256);

    const nearExpiry = new Date(first.validTo.getTime() - RENEW_BEFORE_MS + DAY);
    const renewed = await ensureCertificate(dir, nearExpiry, { names });
    expect(renewed.renewed).toBe(true);
    expect(renewed.fingerprint256).toBe(first.fingerprint256);
    expect(renewed.serverFingerprint256).not.toBe(first.serverFingerprint256);
    expect(renewed.validTo.getTime()).toBeGreaterThan(first.validTo.getTime());

    const moved = await ensureCertificate(dir, nearExpiry, {
      names: [...names.slice(0, 5), '192.168.10.77'],
    });
    expect(moved.renewed).toBe(true);
    expect(moved.names).toContain('192.168.10.77');
    expect(moved.fingerprint256).toBe(first.fingerprint256);
  });

  it('gfa cert prints the CA fingerprint to compare during enrolment', async () => {
    const dir = tempDir();
    const made = await ensureCertificate(dir, new Date());
    const run = spawnSync(
      process.execPath,
      [resolve(import.meta.dirname, '../../bin/gfa.mjs'), 'cert', '--data-dir', dir],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(made.fingerprint256);
    expect(run.stdout).toContain('valable jusqu’au');
    const renew = spawnSync(
      process.execPath,
      [resolve(import.meta.dirname, '../../bin/gfa.mjs'), 'cert', '--renew', '--data-dir', dir],
      { encoding: 'utf8' },
    );
    expect(renew.stdout).toContain('Certificat du serveur renouvelé.');
    expect(new X509Certificate(readFileSync(join(dir, 'cert.pem'))).fingerprint256).not.toBe(
      made.serverFingerprint256,
    );
  });
});

describe('the running server', () => {
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  it('serves its chain, publishes its CA, refuses clients pinned to another CA, and renews live', async () => {
    const dir = tempDir();
    const server = await startServer({ dataDir: dir, host: '127.0.0.1', port: 0 });
    servers.push(server);
    const caPem = readFileSync(join(dir, 'ca.pem'), 'utf8');

    const peer = await handshake(server.port, caPem);
    expect(peer.issuer.CN).toContain('GFA autorité locale');
    const before = peer.fingerprint256;

    // Another box's CA (what a spoofing server would present) is refused by a pinned client.
    const stranger = await ensureCertificate(tempDir(), new Date());
    await expect(handshake(server.port, stranger.caCert)).rejects.toThrow(/certificate/i);

    const published = await fetch(`https://127.0.0.1:${server.port}/api/tls/ca`, {
      // @ts-expect-error undici-specific option: trust exactly our CA for this call
      dispatcher: new (await import('undici')).Agent({ connect: { ca: caPem } }),
    });
    expect(published.status).toBe(200);
    expect(new X509Certificate(await published.text()).fingerprint256).toBe(server.fingerprint256);

    expect(await server.refreshCertificate()).toBe(false);
    expect(await server.refreshCertificate(new Date(Date.now() + 380 * DAY))).toBe(true);
    const after = await new Promise<PeerCertificate>((done, fail) => {
      // The renewed certificate starts in the simulated future: read it without validity checks.
      const socket = connect({ host: '127.0.0.1', port: server.port, rejectUnauthorized: false }, () => {
        done(socket.getPeerCertificate());
        socket.end();
      });
      socket.once('error', fail);
    });
    expect(after.fingerprint256).not.toBe(before);
    expect(after.issuer.CN).toBe(peer.issuer.CN);
  });
});
