import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { startShell, type ShellHandle } from '../runtime/start-shell.js';
import { IPC } from '../runtime/ipc-channels.js';
import type { FoundServer } from '../discovery/types.js';
import type { ShellKind } from '../enrolment/enrolment-client.js';
import { fingerprintOfPem } from '../pinning/fingerprint.js';
import { openShellStore, type ShellSettings } from '../store/shell-store.js';
import { badgeLabel, badgePng } from '../policies/badge-image.js';
import { startContractServer, type ContractServer } from './contract-server.js';
import {
  fakeElectron,
  FakeWebContents,
  FakeSession,
  FakeWindow,
  type FakeElectron,
  type FakeImage,
} from './fake-electron.js';
import { memoryWatch } from './memory-watch.js';
import { makeAuthority, type Authority } from './tls-fixtures.js';

let ours: Authority;
let stranger: Authority;
let server: ContractServer;
let dir: string;
let handle: ShellHandle | null = null;

beforeAll(async () => {
  [ours, stranger] = await Promise.all([makeAuthority('Centre'), makeAuthority('Intrus')]);
  server = await startContractServer(ours);
});
afterAll(() => server.stop());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gfa-start-shell-'));
  FakeWindow.all = [];
});
afterEach(async () => {
  await handle?.stop();
  handle = null;
  await rm(dir, { recursive: true, force: true });
});

const exitCode = '482915';
const found = (): FoundServer => ({
  name: 'GFA CES-SERVEUR',
  host: 'ces.local',
  addresses: ['127.0.0.1'],
  port: server.port,
  site: 'Bordeaux',
  version: '1.0.0',
  protocolVersion: 1,
  fingerprint256: fingerprintOfPem(ours.caPem),
});

async function start(kind: ShellKind, settings: ShellSettings = {}, electron?: FakeElectron) {
  await openShellStore(dir).write({
    server: { name: 'GFA CES-SERVEUR', host: '127.0.0.1', port: server.port },
    pin: { fingerprint256: fingerprintOfPem(ours.caPem), caPem: ours.caPem },
    deviceToken: 'token-known',
    settings,
  });
  const fake = electron ?? fakeElectron({ userData: dir });
  handle = await startShell({
    kind,
    electron: fake,
    watchServers: () => memoryWatch([found()]),
    fallbackHtml: '/opt/gfa/fallback.html',
    preload: '/opt/gfa/preload.cjs',
    hostname: 'POSTE',
    log: () => {},
    tuning: { pollMs: 5, probeMs: 50, searchTickMs: 20, addressGraceMs: 0 },
  });
  const win = FakeWindow.all[0] as FakeWindow;
  if (handle)
    await vi.waitFor(() => expect(handle?.controller.state().phase).toBe('connected'), { timeout: 5_000 });
  return { fake, win };
}

const top = (url: string) => ({ senderFrame: { url, parent: null } });

describe('startShell: kiosk', () => {
  it('opens a hardened full-screen kiosk on the pinned server with the device session', async () => {
    const { fake, win } = await start('kiosk', {
      exitCodeSha256: createHash('sha256').update(exitCode).digest('hex'),
    });
    expect(win.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      webPreferences: {
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        preload: '/opt/gfa/preload.cjs',
      },
    });
    expect(fake.loginItem.openAtLogin).toBe(true);
    expect(win.loads.at(-1)).toBe(`${server.url}/kiosk/?device=token-known`);
    expect(win.webContents.session.cookieJar[0]).toMatchObject({
      url: server.url,
      name: 'gfa_session',
      httpOnly: true,
    });
  });

  it('still loads the screen when the cookie cannot be set (the URL carries the device token)', async () => {
    FakeSession.failCookies = true;
    try {
      const { win } = await start('kiosk');
      expect(win.loads.at(-1)).toBe(`${server.url}/kiosk/?device=token-known`);
      expect(win.webContents.session.cookieJar).toEqual([]);
    } finally {
      FakeSession.failCookies = false;
    }
  });

  it('lets Chromium trust only certificates from the pinned CA', async () => {
    const { win } = await start('kiosk');
    const verdict = (hostname: string, data: string) =>
      new Promise<number>((resolve) =>
        win.webContents.session.verify?.({ hostname, certificate: { data } }, resolve),
      );
    expect(await verdict('127.0.0.1', ours.leafPem)).toBe(0);
    expect(await verdict('127.0.0.1', stranger.leafPem)).toBe(-2);
    expect(await verdict('evil.example', ours.leafPem)).toBe(-2);
  });

  it('allows navigation on the pinned server only, and no new window', async () => {
    const { win } = await start('kiosk');
    expect(win.webContents.navigate(`${server.url}/kiosk/merci`)).toBe(true);
    expect(win.webContents.navigate('https://evil.example/')).toBe(false);
    expect(win.webContents.navigate(`${server.url.replace('https', 'http')}/kiosk/`, 'will-redirect')).toBe(
      false,
    );
    expect(win.webContents.openHandler?.({ url: `${server.url}/kiosk/` })).toEqual({ action: 'deny' });
    expect(await win.webContents.session.request('notifications', `${server.url}/kiosk/`)).toBe(false);
  });

  it('intercepts the fallback page actions instead of navigating', async () => {
    const { win } = await start('kiosk');
    expect(win.webContents.navigate('file:///opt/gfa/fallback.html?action=cancel')).toBe(false);
    expect(win.webContents.navigate('file:///opt/gfa/fallback.html?title=x')).toBe(true);
    expect(win.webContents.navigate('file:///opt/gfa/autre.html')).toBe(false);
  });

  it('exits only with the administrator code, from the pinned top frame', async () => {
    const { fake } = await start('kiosk', {
      exitCodeSha256: createHash('sha256').update(exitCode).digest('hex'),
    });
    const requestExit = fake.ipc.get(IPC.kioskExit);
    expect(await requestExit?.({ senderFrame: { url: `${server.url}/kiosk/`, parent: {} } }, exitCode)).toBe(
      'refused',
    );
    expect(await requestExit?.(top('https://evil.example/'), exitCode)).toBe('refused');
    expect(await requestExit?.(top(`${server.url}/kiosk/`), '000000')).toBe('wrong-code');
    expect(fake.calls).not.toContain('exit:0');
    expect(await requestExit?.(top(`${server.url}/kiosk/`), exitCode)).toBe('exit');
    await vi.waitFor(() => expect(fake.calls).toContain('exit:0'));
  });

  it('without a local code, asks the server to check the exit code with the device session', async () => {
    const { fake } = await start('kiosk');
    const requestExit = fake.ipc.get(IPC.kioskExit);
    await vi.waitFor(async () =>
      expect(await requestExit?.(top(`${server.url}/kiosk/`), '000000')).toBe('wrong-code'),
    );
    expect(await requestExit?.(top(`${server.url}/kiosk/`), 'abc')).toBe('wrong-code');
    expect(fake.calls).not.toContain('exit:0');
    expect(await requestExit?.(top(`${server.url}/kiosk/`), server.kioskExitCode)).toBe('exit');
    await vi.waitFor(() => expect(fake.calls).toContain('exit:0'));
  });

  it('reloads the screen after the renderer crashed', async () => {
    const { win } = await start('kiosk');
    const before = win.loads.length;
    win.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    await vi.waitFor(() => expect(win.loads.length).toBeGreaterThan(before));
    expect(win.loads.at(-1)).toBe(`${server.url}/kiosk/?device=token-known`);
  });

  it('quits when another copy already runs', async () => {
    const fake = fakeElectron({ userData: dir, singleInstance: false });
    handle = await startShell({
      kind: 'kiosk',
      electron: fake,
      watchServers: () => memoryWatch(),
      fallbackHtml: '/f.html',
      preload: '/p.cjs',
      hostname: 'x',
    });
    expect(handle).toBeNull();
    expect(fake.calls).toEqual(['quit']);
    expect(FakeWindow.all).toHaveLength(0);
  });
});

describe('startShell: display', () => {
  it('fills the chosen monitor, keeps the screen awake, allows full screen and autoplay', async () => {
    const fake = fakeElectron({
      userData: dir,
      displays: [
        { id: 10, bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
        { id: 11, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } },
      ],
    });
    const { win } = await start('display', { monitorIndex: 1 }, fake);
    expect(win.options).toMatchObject({ x: 1920, width: 3840, fullscreen: true });
    expect(win.options.webPreferences.autoplayPolicy).toBe('no-user-gesture-required');
    expect(fake.calls).toContain('powerSaveBlocker:prevent-display-sleep');
    expect(await win.webContents.session.request('fullscreen', `${server.url}/display/`)).toBe(true);
    expect(await win.webContents.session.request('media', `${server.url}/display/`)).toBe(false);
    expect(fake.ipc.size).toBe(0);
  });
});

describe('startShell: workstation', () => {
  it('hides to the tray on close, and quits from the tray menu', async () => {
    const { fake, win } = await start('workstation');
    expect(fake.loginItem.openAtLogin).toBe(false);
    const tray = fake.trays[0];
    expect(tray?.menu?.items.map((item) => item.label)).toEqual(['Afficher GFA', 'Recharger', 'Quitter GFA']);
    expect(win.close()).toBe(false);
    expect(win.visible).toBe(false);
    tray?.emit('click');
    expect(win.visible).toBe(true);
    tray?.menu?.items[2]?.click();
    expect(fake.calls).toContain('quit');
    expect(win.close()).toBe(true);
  });

  it('guards the windows it lets the page open like the main one', async () => {
    const { win } = await start('workstation');
    const opened = win.webContents.openHandler?.({ url: `${server.url}/workstation/export` });
    expect(opened?.action).toBe('allow');
    const child = new FakeWebContents();
    win.webContents.emit('did-create-window', { webContents: child });
    expect(child.navigate(`${server.url}/workstation/print`)).toBe(true);
    expect(child.navigate('https://evil.example/')).toBe(false);
    expect(child.openHandler?.({ url: `${server.url}/workstation/` })).toEqual({ action: 'deny' });
  });

  it('notifies, flashes and badges when more consultants are assigned', async () => {
    const { fake, win } = await start('workstation');
    const notify = fake.ipc.get(IPC.deskAssigned);
    const page = top(`${server.url}/workstation/`);
    expect(await notify?.(page, { count: 2, text: '' })).toBe(true);
    expect(fake.notifications).toEqual([]);
    expect(fake.badge).toBe(2);
    expect(await notify?.(page, { count: 3, text: 'M. Martin vous attend' })).toBe(true);
    expect(fake.notifications).toEqual([
      { title: '3 consultants vous sont attribués', body: 'M. Martin vous attend', silent: false },
    ]);
    expect(win.flashes).toEqual([true]);
    expect((win.overlays.at(-1)?.image as FakeImage).png.equals(badgePng(3))).toBe(true);
    expect(await notify?.(page, { count: 0, text: '' })).toBe(true);
    expect(win.overlays.at(-1)).toEqual({ image: null, description: '' });
    expect(fake.notifications).toHaveLength(1);
    expect(await notify?.(top('https://evil.example/'), { count: 9, text: '' })).toBe(false);
    expect(await notify?.(page, { count: 'beaucoup', text: '' })).toBe(false);
    expect(await win.webContents.session.request('notifications', `${server.url}/workstation/`)).toBe(true);
  });
});

describe('badge image', () => {
  it('is a valid 16×16 RGBA PNG with the count drawn in white on red', () => {
    const png = badgePng(7);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(16);
    expect(png.readUInt32BE(20)).toBe(16);
    const idatLength = png.readUInt32BE(33);
    const pixels = inflateSync(png.subarray(41, 41 + idatLength));
    expect(pixels.length).toBe(16 * (1 + 16 * 4));
    const at = (x: number, y: number) => [...pixels.subarray(y * 65 + 1 + x * 4, y * 65 + 1 + x * 4 + 4)];
    expect(at(0, 0)).toEqual([0, 0, 0, 0]);
    expect(at(8, 14)).toEqual([200, 30, 40, 255]);
    // The top bar of a 7 is white.
    expect(at(6, 3)).toEqual([255, 255, 255, 255]);
    expect(badgeLabel(12)).toBe('9+');
  });
});
