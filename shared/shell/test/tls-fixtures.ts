/**
 * Real certificates and a real HTTPS server on 127.0.0.1 for the pinning
 * and enrolment tests: a CA, a leaf it signs (no SAN for 127.0.0.1 on purpose:
 * the shell must not depend on the host name), and a stranger CA.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

export interface Authority {
  readonly caPem: string;
  readonly caKey: string;
  readonly leafPem: string;
  readonly leafKey: string;
}

export async function makeAuthority(
  name: string,
  leafDates: { notBeforeDate?: Date; notAfterDate?: Date } = {},
): Promise<Authority> {
  const ca = await generate([{ name: 'commonName', value: `${name} CA` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: `${name} server` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    ...leafDates,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'gfa-server.invalid' }] },
    ],
  });
  return { caPem: ca.cert, caKey: ca.private, leafPem: leaf.cert, leafKey: leaf.private };
}

export type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

export interface TestServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

export async function startHttps(authority: Authority, handler: Handler): Promise<TestServer> {
  const server: Server = createServer({ key: authority.leafKey, cert: authority.leafPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}
