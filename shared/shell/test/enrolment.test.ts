import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AnnouncedFingerprintMismatchError, fetchServerPin } from '../enrolment/pairing.js';
import {
  formatPairingCode,
  openDeviceSession,
  pairingMessage,
  parseSetCookie,
  enrolmentHostname,
  pollEnrolment,
  startEnrolment,
  UnexpectedAnswerError,
  type Transport,
} from '../enrolment/enrolment-client.js';
import { enrolDevice } from '../enrolment/enrol-device.js';
import { CertificateChangedError, fetchPinned } from '../pinning/fetch-pinned.js';
import { fingerprintOfPem } from '../pinning/fingerprint.js';
import type { Pin } from '../store/shell-store.js';
import { startContractServer, type ContractServer } from './contract-server.js';
import { makeAuthority, startHttps, type Authority, type TestServer } from './tls-fixtures.js';

let ours: Authority;
let stranger: Authority;
let contract: ContractServer;
/** Serves our CA's PEM but holds a certificate of another CA (a spoofer). */
let liar: TestServer;
let pin: Pin;
let transport: Transport;

beforeAll(async () => {
  [ours, stranger] = await Promise.all([makeAuthority('Centre'), makeAuthority('Intrus')]);
  contract = await startContractServer(ours);
  contract.revoked.add('revoked-token');
  liar = await startHttps(stranger, (_req, _body, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end(ours.caPem);
  });
  pin = { fingerprint256: fingerprintOfPem(ours.caPem), caPem: ours.caPem };
  transport = (path, options) => fetchPinned(new URL(path, contract.url), pin, options);
});
afterAll(async () => {
  await Promise.all([contract.stop(), liar.close()]);
});
beforeEach(() => {
  contract.decide = () => 'pending';
});

describe('pairing (first contact)', () => {
  it('pins the CA when it matches the fingerprint announced over mDNS, in any notation', async () => {
    const announced = pin.fingerprint256.replaceAll(':', '').toLowerCase();
    expect(await fetchServerPin(contract.url, announced)).toEqual(pin);
  });

  it('returns the fingerprint for the administrator to compare when the address was typed', async () => {
    const typed = await fetchServerPin(contract.url);
    expect(typed.fingerprint256).toBe(pin.fingerprint256);
  });

  it('refuses a CA that is not the announced one', async () => {
    const other = fingerprintOfPem(stranger.caPem);
    await expect(fetchServerPin(contract.url, other)).rejects.toBeInstanceOf(
      AnnouncedFingerprintMismatchError,
    );
  });

  it('refuses a server that serves our CA but holds a certificate from another', async () => {
    await expect(fetchServerPin(liar.url, pin.fingerprint256)).rejects.toBeInstanceOf(
      AnnouncedFingerprintMismatchError,
    );
    await expect(fetchServerPin(liar.url)).rejects.toBeInstanceOf(CertificateChangedError);
  });
});

describe('enrolment client', () => {
  it('asks for a 6-digit code and shows it in French', async () => {
    const request = await startEnrolment(transport, 'kiosk', 'BORNE-01');
    expect(request.code).toMatch(/^\d{6}$/);
    expect(contract.requests.get(request.requestId)).toMatchObject({ kind: 'kiosk', hostname: 'BORNE-01' });
    expect(formatPairingCode('123456')).toBe('123 456');
    expect(pairingMessage('123456')).toBe(
      "Code d'appairage : 123 456 — à saisir dans Administration › Appareils",
    );
  });

  it('accepts expiresAt in milliseconds (the server) or as an ISO date', async () => {
    const answer =
      (expiresAt: unknown): Transport =>
      async () => ({
        status: 201,
        headers: {},
        body: JSON.stringify({ requestId: 'r'.repeat(32), code: '654321', expiresAt }),
      });
    expect((await startEnrolment(answer(1_800_000_000_000), 'kiosk', 'B')).expiresAt).toBe(1_800_000_000_000);
    expect((await startEnrolment(answer('2027-01-15T08:00:00.000Z'), 'kiosk', 'B')).expiresAt).toBe(
      Date.parse('2027-01-15T08:00:00.000Z'),
    );
    await expect(startEnrolment(answer('bientôt'), 'kiosk', 'B')).rejects.toBeInstanceOf(
      UnexpectedAnswerError,
    );
  });

  it('sends a computer name the server accepts', async () => {
    expect(enrolmentHostname('BORNE-ACCUEIL.ces.local')).toBe('BORNE-ACCUEIL.ces.local');
    expect(enrolmentHostname('Écran salle 2')).toBe('Écran salle 2');
    expect(enrolmentHostname('pc#1/étage')).toBe('pc-1-étage');
    expect(enrolmentHostname('x'.repeat(80))).toHaveLength(64);
    expect(enrolmentHostname('!!!')).toBe('-');
    expect(enrolmentHostname('')).toBe('poste');
    const request = await startEnrolment(transport, 'display', 'ÉCRAN#1');
    expect(contract.requests.get(request.requestId)?.hostname).toBe('ÉCRAN-1');
  });

  it('polls until approval; the token is delivered once, then the request is gone', async () => {
    contract.decide = (request) => (request.polls >= 3 ? 'approved' : 'pending');
    const shown: string[] = [];
    const outcome = await enrolDevice({
      transport,
      kind: 'display',
      hostname: 'ECRAN-SALLE',
      pollMs: 1,
      onCode: (request) => shown.push(request.code),
    });
    expect(shown).toHaveLength(1);
    expect(outcome).toEqual({
      status: 'approved',
      deviceToken: `token-${shown[0]}`,
      name: `Appareil ${shown[0]}`,
    });
    const id = [...contract.requests.values()].find((request) => request.code === shown[0])?.requestId ?? '';
    expect(await pollEnrolment(transport, id)).toEqual({ status: 'expired' });
  });

  it('reports a refusal', async () => {
    contract.decide = () => 'refused';
    const outcome = await enrolDevice({
      transport,
      kind: 'workstation',
      hostname: 'PC',
      pollMs: 1,
      onCode: () => {},
    });
    expect(outcome).toEqual({ status: 'refused' });
  });

  it('starts over with a new code when the request expired (404)', async () => {
    let first = true;
    contract.decide = (request) => {
      if (first) {
        first = false;
        contract.requests.delete(request.requestId);
        // Deleted while answering: the next poll gets 404.
        return 'pending';
      }
      return 'approved';
    };
    const shown: string[] = [];
    const outcome = await enrolDevice({
      transport,
      kind: 'kiosk',
      hostname: 'BORNE',
      pollMs: 1,
      onCode: (request) => shown.push(request.code),
    });
    expect(shown).toHaveLength(2);
    expect(shown[0]).not.toBe(shown[1]);
    expect(outcome.status).toBe('approved');
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const outcome = await enrolDevice({
      transport,
      kind: 'kiosk',
      hostname: 'BORNE',
      pollMs: 1,
      signal: controller.signal,
      onCode: () => controller.abort(),
    });
    expect(outcome).toEqual({ status: 'cancelled' });
  });
});

describe('device session', () => {
  it('opens a session and returns the cookie for the window', async () => {
    const result = await openDeviceSession(transport, 'token-ok');
    expect(result).toEqual({
      status: 'open',
      sessionToken: expect.stringMatching(/^session-/),
      cookies: [
        {
          name: 'gfa_session',
          value: 's3cr3t',
          path: '/',
          httpOnly: true,
          secure: true,
          sameSite: 'strict',
          expires: Date.parse('2026-11-25T21:00:00Z'),
        },
      ],
    });
  });

  it('says "revoked" on 401 so the shell forgets the token and enrols again', async () => {
    expect(await openDeviceSession(transport, 'revoked-token')).toEqual({ status: 'revoked' });
  });

  it('reads Max-Age as well as Expires', () => {
    expect(parseSetCookie('s=1; Max-Age=43200; SameSite=None')).toMatchObject({
      maxAge: 43200,
      sameSite: 'no_restriction',
    });
  });

  it('parses cookies without attributes', () => {
    expect(parseSetCookie('a=b=c')).toMatchObject({ name: 'a', value: 'b=c', path: '/', sameSite: 'lax' });
    expect(parseSetCookie('garbage')).toBeNull();
  });
});
