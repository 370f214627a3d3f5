/** What differs between the three shells, in one place. */
import type { ShellKind } from '../enrolment/enrolment-client.js';
import type { ShellSettings } from '../store/shell-store.js';

export interface ShellProfile {
  /** The screen path on the server. */
  readonly path: `/${ShellKind}/`;
  /**
   * Keep a live server page while the server is away instead of the fallback:
   * the display plays its cached videos, the kiosk keeps check-ins in its outbox.
   */
  readonly keepPageWhenServerAway: boolean;
  /** Reload the page after a crash or a freeze (public screens). */
  readonly watchdog: boolean;
  readonly startAtLoginByDefault: boolean;
  readonly tray: boolean;
}

export const profiles: Readonly<Record<ShellKind, ShellProfile>> = {
  kiosk: {
    path: '/kiosk/',
    keepPageWhenServerAway: true,
    watchdog: true,
    startAtLoginByDefault: true,
    tray: false,
  },
  display: {
    path: '/display/',
    keepPageWhenServerAway: true,
    watchdog: true,
    startAtLoginByDefault: true,
    tray: false,
  },
  workstation: {
    path: '/workstation/',
    keepPageWhenServerAway: false,
    watchdog: false,
    startAtLoginByDefault: false,
    tray: true,
  },
};

/** The screen URL; `?device=` lets the page open its device session even without the cookie. */
export function screenUrl(kind: ShellKind, origin: string, deviceToken: string | undefined): string {
  const url = new URL(profiles[kind].path, origin);
  if (deviceToken !== undefined) url.searchParams.set('device', deviceToken);
  return url.toString();
}

/**
 * When the server comes back: a live page reconnects its own WebSocket and
 * must not be reloaded (the display would restart its video); a fallback
 * or dead page is replaced by the server's screen.
 */
export function onServerBack(showing: 'page' | 'fallback', pageAlive: boolean): 'keep' | 'load' {
  return showing === 'page' && pageAlive ? 'keep' : 'load';
}

export interface LoginItems {
  getOpenAtLogin(): boolean;
  setOpenAtLogin(open: boolean): void;
}

/** Kiosk and display start with the session; the workstation only when the installer says so. */
export function applyStartAtLogin(items: LoginItems, kind: ShellKind, settings: ShellSettings): boolean {
  const wanted = settings.startAtLogin ?? profiles[kind].startAtLoginByDefault;
  if (items.getOpenAtLogin() !== wanted) items.setOpenAtLogin(wanted);
  return wanted;
}
