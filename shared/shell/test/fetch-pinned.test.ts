import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import {
  CertificateChangedError,
  CertificateDateError,
  ServerUnreachableError,
  fetchPinned,
  fetchUnpinned,
} from '../pinning/fetch-pinned.js';
import { fingerprintOfPem } from '../pinning/fingerprint.js';
import { makeAuthority, sendJson, startHttps, type Authority, type TestServer } from './tls-fixtures.js';

let ours: Authority;
let stranger: Authority;
let server: TestServer;
let impostor: TestServer;

beforeAll(async () => {
  [ours, stranger] = await Promise.all([makeAuthority('Centre'), makeAuthority('Intrus')]);
  const handler = (_req: unknown, _body: string, res: Parameters<typeof sendJson>[0]) =>
    sendJson(res, 200, { ok: true });
  server = await startHttps(ours, (req, body, res) =>
    req.method === 'POST' ? sendJson(res, 201, { echo: JSON.parse(body) }) : handler(req, body, res),
  );
  impostor = await startHttps(stranger, handler);
});
afterAll(async () => {
  await Promise.all([server.close(), impostor.close()]);
});

const pinOf = (authority: Authority) => ({
  fingerprint256: fingerprintOfPem(authority.caPem),
  caPem: authority.caPem,
});

describe('fetchPinned', () => {
  it('accepts a leaf signed by the pinned CA although the certificate does not name 127.0.0.1', async () => {
    const res = await fetchPinned(`${server.url}/api/health`, pinOf(ours));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true });
  });

  it('accepts the pin typed in lowercase without colons', async () => {
    const pin = pinOf(ours);
    const res = await fetchPinned(server.url, {
      ...pin,
      fingerprint256: pin.fingerprint256.replaceAll(':', '').toLowerCase(),
    });
    expect(res.status).toBe(200);
  });

  it('sends JSON bodies', async () => {
    const res = await fetchPinned(`${server.url}/api/x`, pinOf(ours), { method: 'POST', json: { a: 1 } });
    expect(res.status).toBe(201);
    expect(JSON.parse(res.body)).toEqual({ echo: { a: 1 } });
  });

  it('refuses a server whose certificate comes from another CA, in French', async () => {
    const attempt = fetchPinned(impostor.url, pinOf(ours));
    await expect(attempt).rejects.toBeInstanceOf(CertificateChangedError);
    await expect(attempt).rejects.toThrow(/Le certificat du serveur a changé/);
  });

  it('refuses when the CA PEM is right but the pinned fingerprint is not', async () => {
    const attempt = fetchPinned(server.url, {
      caPem: ours.caPem,
      fingerprint256: fingerprintOfPem(stranger.caPem),
    });
    await expect(attempt).rejects.toBeInstanceOf(CertificateChangedError);
  });

  it('says when the certificate is not valid at this date (clock or missed renewal)', async () => {
    const day = 86_400_000;
    const stale = await makeAuthority('Périmé', {
      notBeforeDate: new Date(Date.now() - 30 * day),
      notAfterDate: new Date(Date.now() - day),
    });
    const old = await startHttps(stale, (_req, _body, res) => sendJson(res, 200, {}));
    try {
      const attempt = fetchPinned(old.url, pinOf(stale));
      await expect(attempt).rejects.toBeInstanceOf(CertificateDateError);
      await expect(attempt).rejects.toThrow(/vérifiez l’horloge du poste/);
    } finally {
      await old.close();
    }
  });

  it('reports a closed port as unreachable, not as a certificate change', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));
    await expect(fetchPinned(`https://127.0.0.1:${port}/`, pinOf(ours))).rejects.toBeInstanceOf(
      ServerUnreachableError,
    );
  });
});

describe('fetchUnpinned', () => {
  it('reaches a server before anything is pinned (first contact only)', async () => {
    const res = await fetchUnpinned(impostor.url);
    expect(res.status).toBe(200);
  });
});
