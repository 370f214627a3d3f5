import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  STORE_FILE,
  emptyState,
  forgetDevice,
  openShellStore,
  parseShellState,
} from '../store/shell-store.js';

const dirs: string[] = [];
const tempDir = async () => {
  const dir = await mkdtemp(join(tmpdir(), 'gfa-shell-'));
  dirs.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

const fp = 'ab'.repeat(32);
const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';

describe('shell store', () => {
  it('reads nothing remembered when the file is missing or damaged', async () => {
    const dir = await tempDir();
    const store = openShellStore(dir);
    expect(await store.read()).toEqual(emptyState);
    await writeFile(join(dir, STORE_FILE), '{ not json');
    expect(await store.read()).toEqual(emptyState);
  });

  it('round-trips server, pin, token and settings, privately', async () => {
    const dir = await tempDir();
    const store = openShellStore(dir);
    await store.write({
      server: { name: 'GFA CES-SERVEUR', host: '10.0.0.5', port: 8443 },
      pin: { fingerprint256: fp, caPem: pem },
      deviceToken: 'tok',
      deviceName: 'Borne 1',
      settings: { startAtLogin: true, monitorIndex: 1 },
    });
    const state = await store.read();
    expect(state.server).toEqual({ name: 'GFA CES-SERVEUR', host: '10.0.0.5', port: 8443 });
    expect(state.pin?.fingerprint256).toBe(`AB${':AB'.repeat(31)}`);
    expect(state.deviceToken).toBe('tok');
    expect(state.settings).toEqual({ startAtLogin: true, monitorIndex: 1 });
    expect((await stat(join(dir, STORE_FILE))).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(join(dir, STORE_FILE), 'utf8')).deviceName).toBe('Borne 1');
  });

  it('drops invalid fields one by one instead of failing', () => {
    const state = parseShellState({
      server: { name: 'x', host: 'h', port: 70000 },
      pin: { fingerprint256: 'AB:CD', caPem: pem },
      deviceToken: 42,
      settings: { exitCodeSha256: 'ZZ', unresponsiveSeconds: 30, startAtLogin: 'yes' },
    });
    expect(state).toEqual({ settings: { unresponsiveSeconds: 30 } });
  });

  it('applies overlapping updates one after another, losing none', async () => {
    const store = openShellStore(await tempDir());
    await Promise.all([
      store.update((s) => ({ ...s, deviceToken: 'tok' })),
      store.update((s) => ({ ...s, deviceName: 'Borne' })),
      store.update((s) => ({ ...s, settings: { startAtLogin: true } })),
    ]);
    expect(await store.read()).toEqual({
      deviceToken: 'tok',
      deviceName: 'Borne',
      settings: { startAtLogin: true },
    });
  });

  it('forgets the device but keeps the pin and server after a revocation', async () => {
    const store = openShellStore(await tempDir());
    await store.write({
      server: { name: 'GFA A', host: 'a', port: 1 },
      pin: { fingerprint256: fp, caPem: pem },
      deviceToken: 'tok',
      deviceName: 'Borne',
      settings: {},
    });
    const next = await store.update(forgetDevice);
    expect(next.deviceToken).toBeUndefined();
    expect(next.deviceName).toBeUndefined();
    expect((await store.read()).pin).toBeDefined();
    expect((await store.read()).server?.name).toBe('GFA A');
  });
});
