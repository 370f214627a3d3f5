/**
 * The part of Electron the shells use, as plain interfaces. The real
 * `electron` module satisfies them structurally (the shells' main.ts files
 * pass it as is, and tsc checks it); tests pass a recording double because
 * the Electron binary cannot run here.
 */
import type { ChainCertificate } from '../pinning/certificate-verify.js';
import type { DisplayInfo } from '../policies/display.js';
import type { HardenedWebPreferences, WindowOpenDecision } from '../window/policy.js';

export interface PreventableEvent {
  preventDefault(): void;
}

export interface ImageLike {
  isEmpty(): boolean;
}

export interface MenuLike {
  readonly items: readonly unknown[];
}

export interface MenuItemSpec {
  readonly label: string;
  readonly click: () => void;
}

export interface CookieDetails {
  readonly url: string;
  readonly name: string;
  readonly value: string;
  readonly path: string;
  readonly secure: boolean;
  readonly httpOnly: boolean;
  readonly sameSite: 'lax' | 'strict' | 'no_restriction';
  readonly expirationDate?: number;
}

export interface SessionLike {
  setCertificateVerifyProc(
    proc: (
      request: { readonly hostname: string; readonly certificate: ChainCertificate },
      callback: (verificationResult: number) => void,
    ) => void,
  ): void;
  setPermissionRequestHandler(
    handler: (
      webContents: unknown,
      permission: string,
      callback: (granted: boolean) => void,
      details: { readonly requestingUrl: string },
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (webContents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
  readonly cookies: { set(details: CookieDetails): Promise<void> };
}

export interface WebContentsLike {
  readonly session: SessionLike;
  getURL(): string;
  setWindowOpenHandler(handler: (details: { readonly url: string }) => WindowOpenDecision): void;
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: PreventableEvent, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (
      event: unknown,
      errorCode: number,
      errorDescription: string,
      validatedURL: string,
      isMainFrame: boolean,
    ) => void,
  ): unknown;
  on(
    event: 'render-process-gone',
    listener: (event: unknown, details: { readonly reason: string }) => void,
  ): unknown;
  /** A window the page opened (workstation, same origin only): it gets the same guards. */
  on(
    event: 'did-create-window',
    listener: (window: { readonly webContents: WebContentsLike }) => void,
  ): unknown;
}

export interface WindowOptions {
  readonly title: string;
  readonly webPreferences: HardenedWebPreferences;
  readonly [option: string]: unknown;
}

export interface WindowLike {
  readonly webContents: WebContentsLike;
  loadFile(filePath: string, options?: { query?: Record<string, string> }): Promise<void>;
  loadURL(url: string): Promise<void>;
  show(): void;
  hide(): void;
  focus(): void;
  isFocused(): boolean;
  isDestroyed(): boolean;
  flashFrame(flag: boolean): void;
  setOverlayIcon(overlay: ImageLike | null, description: string): void;
  on(event: 'close', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
}

export interface IpcEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface TrayLike {
  setToolTip(toolTip: string): void;
  setContextMenu(menu: MenuLike | null): void;
  on(event: 'click', listener: () => void): unknown;
}

/** `Image`: Electron's NativeImage, kept opaque (the Tray constructor needs the exact type back). */
export interface ElectronLike<Image extends ImageLike = ImageLike> {
  readonly app: {
    whenReady(): Promise<unknown>;
    requestSingleInstanceLock(): boolean;
    quit(): void;
    exit(exitCode?: number): void;
    getPath(name: 'userData'): string;
    getLoginItemSettings(): { readonly openAtLogin: boolean };
    setLoginItemSettings(settings: { openAtLogin: boolean }): void;
    setBadgeCount(count?: number): boolean;
    on(event: 'second-instance' | 'window-all-closed' | 'before-quit', listener: () => void): unknown;
  };
  readonly BrowserWindow: new (options: WindowOptions) => WindowLike;
  readonly ipcMain: {
    handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => unknown): void;
  };
  readonly screen: {
    getAllDisplays(): DisplayInfo[];
    getPrimaryDisplay(): DisplayInfo;
  };
  readonly powerSaveBlocker: { start(type: 'prevent-display-sleep'): number };
  readonly Notification: {
    new (options: { title: string; body: string; silent: boolean }): { show(): void };
    isSupported(): boolean;
  };
  readonly Tray: new (image: Image) => TrayLike;
  readonly Menu: { buildFromTemplate(template: MenuItemSpec[]): MenuLike };
  readonly nativeImage: { createFromBuffer(buffer: Buffer): Image };
}
