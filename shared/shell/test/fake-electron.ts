/**
 * A recording stand-in for the Electron API (the binary cannot run here):
 * it keeps what the shell asked for and lets the test fire Electron's events.
 */
import { pathToFileURL } from 'node:url';
import type {
  CookieDetails,
  ElectronLike,
  ImageLike,
  IpcEventLike,
  MenuItemSpec,
  SessionLike,
  TrayLike,
  WindowLike,
  WindowOptions,
} from '../runtime/electron-like.js';
import type { DisplayInfo } from '../policies/display.js';
import type { WindowOpenDecision } from '../window/policy.js';

type Listener = (...args: never[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? [])
      (listener as (...a: unknown[]) => unknown)(...args);
  }
}

export class FakeImage implements ImageLike {
  constructor(readonly png: Buffer) {}
  isEmpty() {
    return this.png.length === 0;
  }
}

export function preventable() {
  const event = { prevented: false, preventDefault: () => void (event.prevented = true) };
  return event;
}

export class FakeSession implements SessionLike {
  verify?: Parameters<SessionLike['setCertificateVerifyProc']>[0];
  permissionRequest?: Parameters<SessionLike['setPermissionRequestHandler']>[0];
  permissionCheck?: Parameters<SessionLike['setPermissionCheckHandler']>[0];
  /** Makes every cookies.set fail, as Chromium does for a cookie it rejects. */
  static failCookies = false;
  readonly cookieJar: CookieDetails[] = [];
  readonly cookies = {
    set: async (details: CookieDetails) => {
      if (FakeSession.failCookies) throw new Error('cookie refusé');
      this.cookieJar.push(details);
    },
  };
  setCertificateVerifyProc(proc: NonNullable<FakeSession['verify']>) {
    this.verify = proc;
  }
  setPermissionRequestHandler(handler: NonNullable<FakeSession['permissionRequest']>) {
    this.permissionRequest = handler;
  }
  setPermissionCheckHandler(handler: NonNullable<FakeSession['permissionCheck']>) {
    this.permissionCheck = handler;
  }
  /** Asks the shell's permission handler, as Chromium would. */
  request(permission: string, requestingUrl: string): Promise<boolean> {
    return new Promise((resolve) => this.permissionRequest?.(null, permission, resolve, { requestingUrl }));
  }
}

export class FakeWebContents extends Emitter {
  readonly session = new FakeSession();
  url = '';
  openHandler?: (details: { url: string }) => WindowOpenDecision;
  getURL() {
    return this.url;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => WindowOpenDecision) {
    this.openHandler = handler;
  }
  /** A navigation started by the page: true when the shell let it happen. */
  navigate(url: string, event: 'will-navigate' | 'will-redirect' = 'will-navigate'): boolean {
    const e = preventable();
    this.emit(event, e, url);
    return !e.prevented;
  }
}

export class FakeWindow extends Emitter implements WindowLike {
  static all: FakeWindow[] = [];
  readonly webContents = new FakeWebContents();
  readonly loads: string[] = [];
  readonly overlays: { image: FakeImage | null; description: string }[] = [];
  flashes: boolean[] = [];
  visible = true;
  focused = false;
  /** When false, loads of the server fail like an unreachable page. */
  serverReachable = true;
  constructor(readonly options: WindowOptions) {
    super();
    FakeWindow.all.push(this);
  }
  private finish(url: string) {
    this.webContents.url = url;
    this.loads.push(url);
    setTimeout(() => {
      if (url.startsWith('https:') && !this.serverReachable) {
        this.webContents.emit('did-fail-load', {}, -102, 'ERR_CONNECTION_REFUSED', url, true);
      } else {
        this.webContents.emit('did-finish-load');
      }
    }, 1);
  }
  async loadFile(filePath: string, options?: { query?: Record<string, string> }) {
    const query = new URLSearchParams(options?.query ?? {}).toString();
    this.finish(`${pathToFileURL(filePath).toString()}${query ? `?${query}` : ''}`);
  }
  async loadURL(url: string) {
    this.finish(url);
  }
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {
    this.focused = true;
  }
  isFocused() {
    return this.focused;
  }
  isDestroyed() {
    return false;
  }
  flashFrame(flag: boolean) {
    this.flashes.push(flag);
  }
  setOverlayIcon(image: ImageLike | null, description: string) {
    this.overlays.push({ image: image as FakeImage | null, description });
  }
  /** The user clicks the window's close button: true when it really closes. */
  close(): boolean {
    const e = preventable();
    this.emit('close', e);
    return !e.prevented;
  }
}

export class FakeTray extends Emitter implements TrayLike {
  toolTip = '';
  menu: { items: MenuItemSpec[] } | null = null;
  constructor(readonly image: FakeImage) {
    super();
  }
  setToolTip(toolTip: string) {
    this.toolTip = toolTip;
  }
  setContextMenu(menu: { items: readonly unknown[] } | null) {
    this.menu = menu as { items: MenuItemSpec[] } | null;
  }
}

export interface FakeElectron extends ElectronLike<FakeImage> {
  readonly calls: string[];
  readonly ipc: Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>;
  readonly notifications: { title: string; body: string; silent: boolean }[];
  readonly trays: FakeTray[];
  readonly appEvents: Emitter;
  loginItem: { openAtLogin: boolean };
  badge: number;
}

export function fakeElectron(options: {
  userData: string;
  displays?: DisplayInfo[];
  singleInstance?: boolean;
}): FakeElectron {
  const calls: string[] = [];
  const ipc = new Map<string, (event: IpcEventLike, ...args: unknown[]) => unknown>();
  const notifications: FakeElectron['notifications'] = [];
  const trays: FakeTray[] = [];
  const appEvents = new Emitter();
  const displays = options.displays ?? [{ id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
  const electron: FakeElectron = {
    calls,
    ipc,
    notifications,
    trays,
    appEvents,
    loginItem: { openAtLogin: false },
    badge: 0,
    app: {
      whenReady: async () => undefined,
      requestSingleInstanceLock: () => options.singleInstance ?? true,
      quit: () => void calls.push('quit'),
      exit: (code) => void calls.push(`exit:${code ?? 0}`),
      getPath: () => options.userData,
      getLoginItemSettings: () => electron.loginItem,
      setLoginItemSettings: (settings) => {
        electron.loginItem = settings;
      },
      setBadgeCount: (count) => {
        electron.badge = count ?? 0;
        return true;
      },
      on: (event, listener) => appEvents.on(event, listener),
    },
    BrowserWindow: FakeWindow,
    ipcMain: { handle: (channel, listener) => void ipc.set(channel, listener) },
    screen: {
      getAllDisplays: () => displays,
      getPrimaryDisplay: () => displays[0] as DisplayInfo,
    },
    powerSaveBlocker: {
      start: (type) => {
        calls.push(`powerSaveBlocker:${type}`);
        return 1;
      },
    },
    Notification: Object.assign(
      class {
        constructor(readonly options: { title: string; body: string; silent: boolean }) {}
        show() {
          notifications.push(this.options);
        }
      },
      { isSupported: () => true },
    ),
    Tray: class extends FakeTray {
      constructor(image: FakeImage) {
        super(image);
        trays.push(this);
      }
    },
    Menu: { buildFromTemplate: (template) => ({ items: template }) },
    nativeImage: { createFromBuffer: (buffer) => new FakeImage(buffer) },
  };
  return electron;
}
