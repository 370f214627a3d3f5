/**
 * A small HTTPS server speaking the enrolment and session contract the shells
 * rely on (the real server implements it separately), with the
 * administrator's decisions scripted by the test.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { sendJson, type Authority } from './tls-fixtures.js';

export interface EnrolmentRecord {
  readonly requestId: string;
  readonly kind: string;
  readonly hostname: string;
  readonly code: string;
  status: 'pending' | 'approved' | 'refused' | 'delivered';
  polls: number;
}

export interface ContractServer {
  readonly url: string;
  readonly port: number;
  readonly requests: Map<string, EnrolmentRecord>;
  readonly revoked: Set<string>;
  /** Sessions opened, by device token. */
  readonly sessions: string[];
  decide: (request: EnrolmentRecord) => EnrolmentRecord['status'];
  /** The administrator's kiosk exit code, as `POST /api/kiosk/exit` checks it (with a device session). */
  kioskExitCode: string;
  /** Delay of `GET /api/tls/ca` answers (a slow server), and how many were asked. */
  caDelayMs: number;
  caRequests: number;
  /** Stops answering (the port is closed), as when the server is away. */
  stop(): Promise<void>;
  /** Answers again on the same port. */
  restart(): Promise<void>;
}

export async function startContractServer(authority: Authority, port = 0): Promise<ContractServer> {
  let codes = 0;
  const sessionOwners = new Map<string, string>();
  const state: Omit<ContractServer, 'url' | 'port' | 'stop' | 'restart'> = {
    requests: new Map(),
    revoked: new Set(),
    sessions: [],
    decide: () => 'pending',
    kioskExitCode: '482915',
    caDelayMs: 0,
    caRequests: 0,
  };
  const handler: Parameters<typeof createServer>[1] = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = new URL(req.url ?? '/', 'https://x');
      if (req.method === 'GET' && url.pathname === '/api/health') {
        return sendJson(res, 200, { status: 'ok', version: 'test' });
      }
      if (req.method === 'GET' && url.pathname === '/api/tls/ca') {
        state.caRequests += 1;
        return void setTimeout(() => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(authority.caPem);
        }, state.caDelayMs);
      }
      if (req.method === 'POST' && url.pathname === '/api/enrolments') {
        const { kind, hostname } = JSON.parse(body) as { kind: string; hostname: string };
        // Like the real server: an id of 32+ characters, expiresAt in epoch milliseconds.
        const requestId = randomUUID().replaceAll('-', '');
        codes += 1;
        const code = String(100000 + codes);
        state.requests.set(requestId, { requestId, kind, hostname, code, status: 'pending', polls: 0 });
        return sendJson(res, 201, {
          requestId,
          code,
          expiresAt: Date.now() + 600_000,
        });
      }
      if (req.method === 'GET' && url.pathname.startsWith('/api/enrolments/')) {
        const request = state.requests.get(decodeURIComponent(url.pathname.slice('/api/enrolments/'.length)));
        if (!request || request.status === 'delivered') return sendJson(res, 404, { error: 'not_found' });
        request.polls += 1;
        request.status = state.decide(request);
        if (request.status === 'approved') {
          request.status = 'delivered';
          return sendJson(res, 200, {
            status: 'approved',
            deviceToken: `token-${request.code}`,
            name: `Appareil ${request.code}`,
            kind: request.kind,
          });
        }
        return sendJson(res, 200, { status: request.status });
      }
      if (req.method === 'GET' && url.pathname === '/api/session') {
        // A revoked device loses its sessions, as on the real server.
        const owner = sessionOwners.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
        if (owner === undefined || state.revoked.has(owner))
          return sendJson(res, 401, { error: 'unauthenticated' });
        return sendJson(res, 200, { kind: 'device' });
      }
      if (req.method === 'POST' && url.pathname === '/api/kiosk/exit') {
        const owner = sessionOwners.get((req.headers.authorization ?? '').replace(/^Bearer /, ''));
        if (owner === undefined) return sendJson(res, 401, { error: 'unauthenticated' });
        const { code } = JSON.parse(body) as { code: string };
        return sendJson(res, 200, { verdict: code === state.kioskExitCode ? 'exit' : 'wrong-code' });
      }
      if (req.method === 'POST' && url.pathname === '/api/session') {
        const { deviceToken } = JSON.parse(body) as { deviceToken: string };
        if (state.revoked.has(deviceToken)) return sendJson(res, 401, { error: 'unauthorized' });
        state.sessions.push(deviceToken);
        const token = `session-${randomUUID()}`;
        sessionOwners.set(token, deviceToken);
        return sendJson(
          res,
          200,
          { token },
          {
            'set-cookie':
              'gfa_session=s3cr3t; Path=/; Expires=Wed, 25 Nov 2026 21:00:00 GMT; HttpOnly; Secure; SameSite=Strict',
          },
        );
      }
      sendJson(res, 404, { error: 'not_found' });
    });
  };
  let server: Server = createServer({ key: authority.leafKey, cert: authority.leafPem }, handler);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const bound = (server.address() as AddressInfo).port;
  const contract: ContractServer = Object.assign(state, {
    url: `https://127.0.0.1:${bound}`,
    port: bound,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
    restart: async () => {
      server = createServer({ key: authority.leafKey, cert: authority.leafPem }, handler);
      await new Promise<void>((resolve) => server.listen(bound, '127.0.0.1', resolve));
    },
  });
  return contract;
}
