import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createController, type Controller, type PinnedTarget } from '../runtime/controller.js';
import type { FallbackView } from '../connection/view.js';
import type { FoundServer } from '../discovery/types.js';
import type { SessionCookie, ShellKind } from '../enrolment/enrolment-client.js';
import { fingerprintOfPem } from '../pinning/fingerprint.js';
import { openShellStore, type ShellState } from '../store/shell-store.js';
import { startContractServer, type ContractServer } from './contract-server.js';
import { memoryWatch, type MemoryWatch } from './memory-watch.js';
import { makeAuthority, type Authority } from './tls-fixtures.js';

let ours: Authority;
let stranger: Authority;
let server: ContractServer;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  [ours, stranger] = await Promise.all([makeAuthority('Centre'), makeAuthority('Intrus')]);
  server = await startContractServer(ours);
});
afterAll(() => server.stop());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  server.decide = () => 'pending';
});

const found = (over: Partial<FoundServer> = {}): FoundServer => ({
  name: 'GFA CES-SERVEUR',
  host: 'ces-serveur.local',
  addresses: ['127.0.0.1'],
  port: server.port,
  site: 'Bordeaux',
  version: '1.0.0',
  protocolVersion: 1,
  fingerprint256: fingerprintOfPem(ours.caPem),
  ...over,
});

interface Harness {
  controller: Controller;
  watch: MemoryWatch;
  fallbacks: FallbackView[];
  pages: { url: string; cookies: readonly SessionCookie[]; target: PinnedTarget }[];
  saved: () => Promise<ShellState>;
}

async function harness(
  kind: ShellKind,
  options: { servers?: FoundServer[]; state?: ShellState; keepPage?: boolean; autoLoad?: boolean } = {},
): Promise<Harness> {
  const dir = await mkdtemp(join(tmpdir(), 'gfa-controller-'));
  const store = openShellStore(dir);
  if (options.state) await store.write(options.state);
  const watch = memoryWatch(options.servers ?? []);
  const fallbacks: FallbackView[] = [];
  const pages: Harness['pages'] = [];
  const controller: Controller = createController({
    kind,
    hostname: 'POSTE-TEST',
    store,
    watch,
    keepPage: options.keepPage ?? false,
    timers: {
      setTimeout: (run, ms) => setTimeout(run, ms),
      clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
    },
    pollMs: 5,
    probeMs: 40,
    searchTickMs: 20,
    addressGraceMs: 0,
    refusedRetryMs: 50,
    ui: {
      showFallback: (view) => fallbacks.push(view),
      loadPage: (url, target, cookies) => {
        pages.push({ url, target, cookies });
        // The runtime reports did-finish-load; here the page "loads" at once.
        if (options.autoLoad !== false) setTimeout(() => controller.pageLoaded(), 1);
      },
      pinned: () => {},
    },
  });
  cleanups.push(async () => {
    await controller.stop();
    await rm(dir, { recursive: true, force: true });
  });
  await controller.start();
  return { controller, watch, fallbacks, pages, saved: () => store.read() };
}

const pinned = (): ShellState => ({
  server: { name: 'GFA CES-SERVEUR', host: '127.0.0.9', port: server.port },
  pin: { fingerprint256: fingerprintOfPem(ours.caPem), caPem: ours.caPem },
  deviceToken: 'token-known',
  deviceName: 'Borne 1',
  settings: {},
});

describe('shell controller against a real HTTPS server', () => {
  it('pairs a new kiosk with the only server, shows the code, and opens its screen once approved', async () => {
    server.decide = (request) => (request.polls >= 3 ? 'approved' : 'pending');
    const h = await harness('kiosk', { servers: [found()] });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
    const codeView = h.fallbacks.find((view) => view.code !== undefined);
    expect(codeView?.title).toBe('Code d’appairage');
    const code = codeView?.code?.replace(' ', '') ?? '';
    expect(h.pages).toHaveLength(1);
    expect(h.pages[0]?.url).toBe(`${server.url}/kiosk/?device=token-${code}`);
    expect(h.pages[0]?.cookies[0]?.name).toBe('gfa_session');
    const saved = await h.saved();
    expect(saved.server).toEqual({ name: 'GFA CES-SERVEUR', host: '127.0.0.1', port: server.port });
    expect(saved.pin?.fingerprint256).toBe(fingerprintOfPem(ours.caPem));
    expect(saved.deviceToken).toBe(`token-${code}`);
    expect([...server.requests.values()].find((r) => r.code === code)).toMatchObject({
      kind: 'kiosk',
      hostname: 'POSTE-TEST',
    });
  });

  it('does not restart a pairing with a slow server at every search tick', async () => {
    server.decide = () => 'approved';
    server.caDelayMs = 150;
    server.caRequests = 0;
    try {
      const h = await harness('kiosk', { servers: [found()] });
      await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
      // One unpinned fetch and its pinned confirmation, although the search ticked every 20 ms meanwhile.
      expect(server.caRequests).toBe(2);
    } finally {
      server.caDelayMs = 0;
    }
  });

  it('joins the remembered server at its new address without enrolling again', async () => {
    const before = server.requests.size;
    const h = await harness('display', { servers: [found()], state: pinned() });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
    expect(server.requests.size).toBe(before);
    expect(h.pages[0]?.url).toBe(`${server.url}/display/?device=token-known`);
    await vi.waitFor(async () => expect((await h.saved()).server?.host).toBe('127.0.0.1'));
  });

  it('reaches the remembered address directly when mDNS announces nothing', async () => {
    const h = await harness('display', {
      state: { ...pinned(), server: { name: 'GFA CES-SERVEUR', host: '127.0.0.1', port: server.port } },
    });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
  });

  it('forgets a revoked token and enrols again', async () => {
    server.revoked.add('token-revoked');
    server.decide = () => 'approved';
    const h = await harness('kiosk', {
      servers: [found()],
      state: { ...pinned(), deviceToken: 'token-revoked' },
    });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
    const saved = await h.saved();
    expect(saved.deviceToken).toMatch(/^token-\d{6}$/);
    expect(h.fallbacks.some((view) => view.code !== undefined)).toBe(true);
  });

  it('notices a revocation while connected and shows a new pairing code', async () => {
    const h = await harness('display', {
      servers: [found()],
      state: { ...pinned(), deviceToken: 'token-to-revoke' },
    });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
    expect(h.fallbacks.some((view) => view.code !== undefined)).toBe(false);
    server.revoked.add('token-to-revoke');
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('enrolling'), { timeout: 5_000 });
    await vi.waitFor(() => expect(h.fallbacks.at(-1)?.code).toMatch(/^\d{3} \d{3}$/));
    expect((await h.saved()).deviceToken).toBeUndefined();
  });

  it('retries after a refusal', async () => {
    let refusals = 0;
    server.decide = () => (refusals++ === 0 ? 'refused' : 'approved');
    const h = await harness('workstation', { servers: [found()] });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
    expect(h.fallbacks.some((view) => view.title === 'Appairage refusé')).toBe(true);
  });

  it('blocks with a French message when the announced server holds another certificate', async () => {
    const impostor = await startContractServer(stranger);
    cleanups.push(() => impostor.stop());
    const h = await harness('kiosk', { servers: [found({ port: impostor.port })], state: pinned() });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('blocked'), { timeout: 5_000 });
    expect(h.fallbacks.at(-1)?.detail).toMatch(/Le certificat du serveur a changé/);
    expect(h.pages).toHaveLength(0);
  });

  it('blocks on a protocol mismatch', async () => {
    const h = await harness('kiosk', { servers: [found({ protocolVersion: 99 })], state: pinned() });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('blocked'));
    expect(h.fallbacks.at(-1)?.detail).toMatch(/protocole 99/);
  });

  it('asks for an address when nothing is found, shows the fingerprint, and pairs once confirmed', async () => {
    server.decide = () => 'approved';
    const h = await harness('workstation');
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('typing-address'));
    h.controller.action({ action: 'address', address: 'pas une adresse !' });
    await vi.waitFor(() => expect(h.fallbacks.at(-1)?.detail).toMatch(/Adresse invalide/));
    h.controller.action({ action: 'address', address: `127.0.0.1:${server.port}` });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('confirming'));
    expect(h.fallbacks.at(-1)?.fingerprint).toBe(fingerprintOfPem(ours.caPem));
    expect((await h.saved()).pin).toBeUndefined();
    h.controller.action({ action: 'confirm' });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
    expect((await h.saved()).server).toEqual({
      name: `127.0.0.1:${server.port}`,
      host: '127.0.0.1',
      port: server.port,
    });
  });

  it('after a cancelled fingerprint, keeps listening and pairs with a server announced later', async () => {
    server.decide = () => 'approved';
    const h = await harness('display');
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('typing-address'));
    h.controller.action({ action: 'address', address: `127.0.0.1:${server.port}` });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('confirming'));
    h.controller.action({ action: 'cancel' });
    expect(h.controller.state().phase).toBe('typing-address');
    h.watch.announce(found());
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
    expect((await h.saved()).server?.name).toBe('GFA CES-SERVEUR');
  });

  it('lets the user pick among several servers', async () => {
    server.decide = () => 'approved';
    const other = found({ name: 'GFA AUTRE', port: 1 });
    const h = await harness('workstation', { servers: [found(), other] });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('choosing'));
    expect(h.fallbacks.at(-1)?.servers).toEqual(['GFA AUTRE', 'GFA CES-SERVEUR']);
    h.controller.action({ action: 'choose', name: 'GFA CES-SERVEUR' });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
  });
});

describe('server away and back', () => {
  it('display: keeps its live page, and does not reload it when the server returns', async () => {
    const h = await harness('display', { servers: [found()], state: pinned(), keepPage: true });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
    const shownBefore = h.fallbacks.length;
    await server.stop();
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('reconnecting'), { timeout: 5_000 });
    expect(h.fallbacks).toHaveLength(shownBefore);
    await server.restart();
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 10_000 });
    expect(h.pages).toHaveLength(1);
    expect(h.fallbacks).toHaveLength(shownBefore);
  });

  it('workstation: shows the fallback while away and reloads its screen on return', async () => {
    const h = await harness('workstation', { servers: [found()], state: pinned() });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
    await server.stop();
    await vi.waitFor(() => expect(h.fallbacks.at(-1)?.title).toBe('Connexion au serveur perdue'), {
      timeout: 5_000,
    });
    await server.restart();
    await vi.waitFor(() => expect(h.pages).toHaveLength(2), { timeout: 10_000 });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'));
  });

  it('a display whose page died while away loads it again', async () => {
    const h = await harness('display', { servers: [found()], state: pinned(), keepPage: true });
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('connected'), { timeout: 5_000 });
    await server.stop();
    await vi.waitFor(() => expect(h.controller.state().phase).toBe('reconnecting'), { timeout: 5_000 });
    h.controller.pageGone();
    h.controller.reload();
    await server.restart();
    await vi.waitFor(() => expect(h.pages).toHaveLength(2), { timeout: 10_000 });
  });
});
