/**
 * What a shell window may do (docs/SECURITY.md, Electron policy): hardened
 * webPreferences, navigation only to the pinned server or the local fallback
 * page, new windows and permissions denied except the few a shell needs, and
 * IPC accepted only from the pinned origin's top frame.
 */
import type { ShellKind } from '../enrolment/enrolment-client.js';

export interface HardenedWebPreferences {
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly webviewTag: false;
  readonly spellcheck: false;
  readonly devTools: boolean;
  readonly preload?: string;
  readonly autoplayPolicy?: 'no-user-gesture-required' | 'document-user-activation-required';
}

export function webPreferencesFor(
  kind: ShellKind,
  options: { readonly preload?: string; readonly devTools?: boolean } = {},
): HardenedWebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    // Kiosk and display face the public: no developer tools there.
    devTools: kind === 'workstation' && options.devTools === true,
    ...(options.preload !== undefined && { preload: options.preload }),
    // The waiting-room display announces calls and plays videos without anyone touching it.
    ...(kind === 'display' && { autoplayPolicy: 'no-user-gesture-required' as const }),
  };
}

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/** Same scheme, host and port as the pinned server, and HTTPS only. */
export function isPinnedOrigin(url: string, pinnedOrigin: string | undefined): boolean {
  const parsed = parse(url);
  return pinnedOrigin !== undefined && parsed?.protocol === 'https:' && parsed.origin === pinnedOrigin;
}

/** The local fallback page, whatever its query string (its content travels there). */
export function isFallbackPage(url: string, fallbackUrl: string): boolean {
  const parsed = parse(url);
  const fallback = parse(fallbackUrl);
  return (
    parsed !== null &&
    fallback !== null &&
    parsed.protocol === 'file:' &&
    fallback.protocol === 'file:' &&
    parsed.pathname === fallback.pathname
  );
}

export function isAllowedNavigation(
  url: string,
  context: { readonly pinnedOrigin: string | undefined; readonly fallbackUrl: string },
): boolean {
  return isPinnedOrigin(url, context.pinnedOrigin) || isFallbackPage(url, context.fallbackUrl);
}

export type WindowOpenDecision =
  | { readonly action: 'deny' }
  | {
      readonly action: 'allow';
      readonly overrideBrowserWindowOptions: { readonly webPreferences: HardenedWebPreferences };
    };

/**
 * Kiosk and display never open windows. The workstation may open a page of
 * the pinned server (an export, a printable list), hardened and without the
 * preload bridge.
 */
export function windowOpenDecision(
  kind: ShellKind,
  url: string,
  pinnedOrigin: string | undefined,
): WindowOpenDecision {
  if (kind === 'workstation' && isPinnedOrigin(url, pinnedOrigin)) {
    return { action: 'allow', overrideBrowserWindowOptions: { webPreferences: webPreferencesFor(kind) } };
  }
  return { action: 'deny' };
}

const PERMISSIONS: Readonly<Record<ShellKind, readonly string[]>> = {
  kiosk: [],
  // Autoplay is a webPreference (above), not a permission; full screen video is.
  display: ['fullscreen'],
  workstation: ['notifications'],
};

export function permissionDecision(
  kind: ShellKind,
  permission: string,
  requestingUrl: string,
  pinnedOrigin: string | undefined,
): boolean {
  return PERMISSIONS[kind].includes(permission) && isPinnedOrigin(requestingUrl, pinnedOrigin);
}

export interface IpcSender {
  /** The URL of the frame that sent the message. */
  readonly url: string;
  /** True when that frame is the window's main frame (not an iframe). */
  readonly isTopFrame: boolean;
}

/** IPC is accepted only from the pinned server's page itself, never from an iframe or the fallback. */
export function isTrustedSender(sender: IpcSender, pinnedOrigin: string | undefined): boolean {
  return sender.isTopFrame && isPinnedOrigin(sender.url, pinnedOrigin);
}
