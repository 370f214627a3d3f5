import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { exposeShellApi, fillFallbackPage, type IpcRendererLike } from '../preload/bridge.js';
import { IPC } from '../runtime/ipc-channels.js';

function record() {
  const exposed = new Map<string, Record<string, unknown>>();
  const invoked: unknown[][] = [];
  const ipc: IpcRendererLike = {
    invoke: async (...args) => {
      invoked.push(args);
      return 'ok';
    },
  };
  return {
    bridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
    ipc,
    exposed,
    invoked,
  };
}

describe('preload bridges', () => {
  it('kiosk: only gfaKiosk.requestExit, sending the code as text', async () => {
    const { bridge, ipc, exposed, invoked } = record();
    exposeShellApi('kiosk', bridge, ipc);
    expect([...exposed.keys()]).toEqual(['gfaKiosk']);
    expect(Object.keys(exposed.get('gfaKiosk') ?? {})).toEqual(['requestExit']);
    const requestExit = exposed.get('gfaKiosk')?.requestExit as (code: unknown) => Promise<unknown>;
    expect(await requestExit(482915)).toBe('ok');
    expect(invoked).toEqual([[IPC.kioskExit, '482915']]);
  });

  it('workstation: only gfaDesk.notifyAssigned; display: nothing', async () => {
    const desk = record();
    exposeShellApi('workstation', desk.bridge, desk.ipc);
    expect([...desk.exposed.keys()]).toEqual(['gfaDesk']);
    const notify = desk.exposed.get('gfaDesk')?.notifyAssigned as (
      count: unknown,
      text: unknown,
    ) => Promise<unknown>;
    await notify('3', undefined);
    expect(desk.invoked).toEqual([[IPC.deskAssigned, { count: 3, text: '' }]]);
    const display = record();
    exposeShellApi('display', display.bridge, display.ipc);
    expect(display.exposed.size).toBe(0);
  });

  it('fills only the local fallback page', () => {
    const titles: string[] = [];
    const doc = {
      set title(value: string) {
        titles.push(value);
      },
      get title() {
        return titles.at(-1) ?? '';
      },
      getElementById: () => null,
      createElement: () => {
        throw new Error('no servers listed');
      },
    };
    expect(
      fillFallbackPage({ protocol: 'https:', pathname: '/fallback.html', search: '?title=x' }, doc),
    ).toBe(false);
    expect(
      fillFallbackPage(
        { protocol: 'file:', pathname: '/opt/gfa/fallback.html', search: '?title=Recherche' },
        doc,
      ),
    ).toBe(true);
    expect(titles).toEqual(['GFA — Recherche']);
  });

  it('preload sources import nothing but electron and shared/shell', () => {
    for (const kind of ['kiosk', 'display', 'workstation']) {
      const source = readFileSync(
        fileURLToPath(new URL(`../../../${kind}/electron/preload.ts`, import.meta.url)),
        'utf8',
      );
      const imports = [...source.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      expect(imports).toEqual(['electron', '../../shared/shell/preload/bridge.js']);
    }
    const bridge = readFileSync(fileURLToPath(new URL('../preload/bridge.ts', import.meta.url)), 'utf8');
    expect(bridge).not.toMatch(/from 'node:|from 'electron'/);
  });
});
