/**
 * What each shell's preload exposes to the page, through contextBridge:
 * a minimal named API per shell, nothing else (no ipcRenderer, no Node).
 * The main process validates every payload and its sender again.
 * Bundled into preload.cjs: imports nothing but this folder's pure modules.
 */
import type { ShellKind } from '../enrolment/enrolment-client.js';
import { renderFallback, type FallbackDocument, type FallbackElement } from '../fallback/render.js';
import { IPC } from '../runtime/ipc-channels.js';

export interface ContextBridgeLike {
  exposeInMainWorld(apiKey: string, api: Record<string, unknown>): void;
}
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
}

/** `window.gfaKiosk.requestExit(code)` → 'exit' | 'wrong-code' | 'locked' | 'refused'. */
export function kioskApi(ipc: IpcRendererLike) {
  return {
    requestExit: (code: unknown): Promise<unknown> => ipc.invoke(IPC.kioskExit, String(code)),
  };
}

/** `window.gfaDesk.notifyAssigned(count, text)`: the page reports the consultants assigned to this desk. */
export function deskApi(ipc: IpcRendererLike) {
  return {
    notifyAssigned: (count: unknown, text: unknown): Promise<unknown> =>
      ipc.invoke(IPC.deskAssigned, { count: Number(count), text: String(text ?? '') }),
  };
}

export function exposeShellApi(kind: ShellKind, bridge: ContextBridgeLike, ipc: IpcRendererLike): void {
  if (kind === 'kiosk') bridge.exposeInMainWorld('gfaKiosk', kioskApi(ipc));
  if (kind === 'workstation') bridge.exposeInMainWorld('gfaDesk', deskApi(ipc));
  // The display exposes nothing.
}

/** On the local fallback page only, write its text from the query string. */
export function fillFallbackPage<E extends FallbackElement<E>>(
  location: { readonly protocol: string; readonly pathname: string; readonly search: string },
  doc: FallbackDocument<E>,
): boolean {
  if (location.protocol !== 'file:' || !location.pathname.endsWith('/fallback.html')) return false;
  renderFallback(doc, location.search);
  return true;
}

/** The body of each shell's preload.ts. */
export function runPreload<E extends FallbackElement<E>>(
  kind: ShellKind,
  bridge: ContextBridgeLike,
  ipc: IpcRendererLike,
  page: {
    readonly location: { readonly protocol: string; readonly pathname: string; readonly search: string };
    readonly document: FallbackDocument<E>;
    addEventListener(type: 'DOMContentLoaded', listener: () => void): void;
  },
): void {
  exposeShellApi(kind, bridge, ipc);
  page.addEventListener('DOMContentLoaded', () => fillFallbackPage(page.location, page.document));
}
