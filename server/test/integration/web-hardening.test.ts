/** Security headers on every page and API answer, session cookie flags, WebSocket origin check. */
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from './support/demo-server.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(() => demo.close());

describe('web hardening', () => {
  it.each(['/workstation/', '/kiosk/', '/display/', '/api/health', '/api/openapi.json'])(
    '%s carries a strict CSP and the security headers',
    async (path) => {
      const admin = await demo.login('admin');
      expect((await admin.call('GET', path)).status).toBe(200);
      const headers = admin.lastHeaders;
      const csp = headers['content-security-policy'] as string;
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(headers['x-content-type-options']).toBe('nosniff');
      expect(headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(headers['referrer-policy']).toBe('no-referrer');
    },
  );

  it('the session cookie is Secure, HttpOnly, SameSite=Strict', async () => {
    const client = await demo.login('sophie');
    await client.call('POST', '/api/session', { login: 'sophie', password: 'demo' });
    const cookie = ([] as string[]).concat(client.lastHeaders['set-cookie'] ?? []).join(';');
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
  });

  it('a WebSocket from another origin is refused; from the server’s own origin it opens', async () => {
    const url = `${demo.server.url.replace('https', 'wss')}/ws`;
    const attempt = (origin: string) =>
      new Promise<string>((resolve) => {
        const ws = new WebSocket(url, { ca: demo.ca, origin });
        ws.once('open', () => {
          ws.close();
          resolve('open');
        });
        ws.once('unexpected-response', (_req, res) => resolve(`refused ${res.statusCode}`));
        ws.once('error', (e) => resolve(`error ${e.message}`));
      });
    expect(await attempt('https://evil.example')).toBe('refused 403');
    // Same host and port, another scheme: another origin.
    expect(await attempt(new URL(demo.server.url).origin.replace('https:', 'http:'))).toBe('refused 403');
    expect(await attempt(new URL(demo.server.url).origin)).toBe('open');
  });
});
