/**
 * The body of each shell's main.ts: start the shell with the real Electron
 * module and the mDNS browser; files sit beside the bundled main.cjs.
 */
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { ShellKind } from '../enrolment/enrolment-client.js';
import type { ElectronLike, ImageLike } from './electron-like.js';
import { watchServers } from './discovery-source.js';
import { startShell } from './start-shell.js';

export function runShell<Image extends ImageLike>(
  kind: ShellKind,
  electron: ElectronLike<Image>,
  bundleDir: string,
): void {
  startShell({
    kind,
    electron,
    watchServers,
    fallbackHtml: join(bundleDir, 'fallback.html'),
    preload: join(bundleDir, 'preload.cjs'),
    hostname: hostname(),
  }).catch((error: unknown) => {
    console.error(`[gfa-${kind}] démarrage impossible`, error);
    electron.app.exit(1);
  });
}
