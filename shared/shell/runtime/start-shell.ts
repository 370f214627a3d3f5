/**
 * Wires one shell: the window and its policies, the certificate pin, IPC,
 * and the connection controller. Everything Electron comes through
 * `ElectronLike`; the shells' main.ts pass the real module.
 */
import { pathToFileURL } from 'node:url';
import type { ServerWatch } from '../discovery/types.js';
import type { ShellKind } from '../enrolment/enrolment-client.js';
import { fallbackQuery, parseFallbackAction } from '../fallback/query.js';
import { certificateVerdict } from '../pinning/certificate-verify.js';
import { badgePng, trayIconPng } from '../policies/badge-image.js';
import { DISPLAY_POWER_SAVE, displayWindowOptions, pickDisplay } from '../policies/display.js';
import {
  DEFAULT_UNRESPONSIVE_SECONDS,
  createExitGate,
  kioskWindowOptions,
  parseExitCode,
} from '../policies/kiosk.js';
import { applyStartAtLogin, profiles } from '../policies/profile.js';
import { createWatchdog, type Timers, type Watchdog } from '../policies/watchdog.js';
import {
  createAssignedNotifier,
  onWindowClose,
  parseNotifyAssigned,
  trayMenu,
  workstationWindowOptions,
} from '../policies/workstation.js';
import { openShellStore, type ShellSettings } from '../store/shell-store.js';
import {
  isAllowedNavigation,
  isFallbackPage,
  isPinnedOrigin,
  isTrustedSender,
  permissionDecision,
  webPreferencesFor,
  windowOpenDecision,
} from '../window/policy.js';
import { createController, type Controller, type ControllerDeps, type PinnedTarget } from './controller.js';
import type {
  ElectronLike,
  ImageLike,
  IpcEventLike,
  TrayLike,
  WebContentsLike,
  WindowLike,
} from './electron-like.js';
import { IPC } from './ipc-channels.js';

export interface StartShellDeps<Image extends ImageLike = ImageLike> {
  readonly kind: ShellKind;
  readonly electron: ElectronLike<Image>;
  /** The mDNS browser (shared/shell/discovery), through the shell's discovery-source adapter. */
  readonly watchServers: () => ServerWatch;
  /** Absolute paths of the bundled fallback page and preload script. */
  readonly fallbackHtml: string;
  readonly preload: string;
  readonly hostname: string;
  readonly timers?: Timers;
  readonly now?: () => number;
  readonly log?: (message: string) => void;
  /** Test knobs for the controller's delays. */
  readonly tuning?: Pick<
    ControllerDeps,
    'pollMs' | 'probeMs' | 'searchTickMs' | 'addressGraceMs' | 'refusedRetryMs'
  >;
}

export interface ShellHandle {
  readonly window: WindowLike;
  readonly controller: Controller;
  readonly tray?: TrayLike;
  stop(): Promise<void>;
}

const realTimers: Timers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

function windowOptions<Image extends ImageLike>(deps: StartShellDeps<Image>, settings: ShellSettings) {
  const { kind, electron } = deps;
  const base = { title: 'GFA', webPreferences: webPreferencesFor(kind, { preload: deps.preload }) };
  if (kind === 'kiosk') return { ...base, ...kioskWindowOptions };
  if (kind === 'workstation') return { ...base, ...workstationWindowOptions };
  const display = pickDisplay(
    electron.screen.getAllDisplays(),
    electron.screen.getPrimaryDisplay(),
    settings,
  );
  return { ...base, ...displayWindowOptions(display) };
}

export async function startShell<Image extends ImageLike>(
  deps: StartShellDeps<Image>,
): Promise<ShellHandle | null> {
  const { kind, electron } = deps;
  const { app } = electron;
  const log = deps.log ?? ((message: string) => console.log(`[gfa-${kind}] ${message}`));
  const timers = deps.timers ?? realTimers;
  const now = deps.now ?? Date.now;

  // A second copy would fight the first for the screen and the device token.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  await app.whenReady();

  const store = openShellStore(app.getPath('userData'));
  const { settings } = await store.read();
  applyStartAtLogin(
    {
      getOpenAtLogin: () => app.getLoginItemSettings().openAtLogin,
      setOpenAtLogin: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
    },
    kind,
    settings,
  );
  if (kind === 'display') electron.powerSaveBlocker.start(DISPLAY_POWER_SAVE);

  const win = new electron.BrowserWindow(windowOptions(deps, settings));
  const contents = win.webContents;
  const session = contents.session;
  const fallbackUrl = pathToFileURL(deps.fallbackHtml).toString();
  let target: PinnedTarget | undefined;

  session.setCertificateVerifyProc((request, callback) =>
    callback(certificateVerdict(request, target && { pin: target.pin, host: target.host }, new Date(now()))),
  );
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionDecision(kind, permission, details.requestingUrl, target?.origin)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionDecision(kind, permission, requestingOrigin, target?.origin),
  );

  const watch = deps.watchServers();
  const controller = createController({
    kind,
    hostname: deps.hostname,
    store,
    watch,
    timers,
    now,
    log,
    keepPage: profiles[kind].keepPageWhenServerAway,
    ...deps.tuning,
    ui: {
      showFallback: (view) => {
        win.loadFile(deps.fallbackHtml, { query: fallbackQuery(view) }).catch(() => {
          // Replaced by a newer load: nothing to do.
        });
      },
      loadPage: (url, pinned, cookies) => {
        const expiresBase = Math.floor(now() / 1000);
        Promise.all(
          cookies.map((cookie) =>
            session.cookies.set({
              url: pinned.origin,
              name: cookie.name,
              value: cookie.value,
              path: cookie.path,
              secure: cookie.secure,
              httpOnly: cookie.httpOnly,
              sameSite: cookie.sameSite,
              ...(cookie.maxAge !== undefined
                ? { expirationDate: expiresBase + cookie.maxAge }
                : cookie.expires !== undefined && { expirationDate: Math.floor(cookie.expires / 1000) }),
            }),
          ),
        )
          // The cookie only spares the page a login: `?device=` in the URL opens the session anyway.
          .catch((error: unknown) => log(`cookie de session non posé : ${String(error)}`))
          .then(() => win.loadURL(url))
          .catch(() => {
            // did-fail-load reports load failures to the controller.
          });
      },
      pinned: (next) => {
        target = next;
      },
    },
  });
  const guardNavigation = (event: { preventDefault(): void }, url: string) => {
    if (isFallbackPage(url, fallbackUrl)) {
      // The fallback page's links and form: actions for the controller, never real navigations.
      const action = parseFallbackAction(new URL(url).search);
      if (action) {
        event.preventDefault();
        controller.action(action);
        return;
      }
    }
    if (!isAllowedNavigation(url, { pinnedOrigin: target?.origin, fallbackUrl })) {
      event.preventDefault();
      log(`navigation refusée : ${url}`);
    }
  };
  const guard = (guarded: WebContentsLike, opener: boolean) => {
    guarded.on('will-navigate', guardNavigation);
    guarded.on('will-redirect', guardNavigation);
    guarded.on('will-attach-webview', (event) => event.preventDefault());
    // Only the main window may open one (the workstation's same-origin pages); those open none.
    guarded.setWindowOpenHandler(({ url }) =>
      opener ? windowOpenDecision(kind, url, target?.origin) : { action: 'deny' },
    );
  };
  guard(contents, true);
  contents.on('did-create-window', (child) => guard(child.webContents, false));

  contents.on('did-finish-load', () => {
    if (isPinnedOrigin(contents.getURL(), target?.origin)) controller.pageLoaded();
  });
  contents.on('did-fail-load', (_event, errorCode, description, validatedURL, isMainFrame) => {
    // -3 = ERR_ABORTED: a newer load replaced this one, not a failure of the server.
    if (!isMainFrame || errorCode === -3 || !isPinnedOrigin(validatedURL, target?.origin)) return;
    log(`chargement impossible (${errorCode} ${description})`);
    controller.pageFailed();
  });

  let watchdog: Watchdog | undefined;
  if (profiles[kind].watchdog) {
    watchdog = createWatchdog({
      unresponsiveMs: (settings.unresponsiveSeconds ?? DEFAULT_UNRESPONSIVE_SECONDS) * 1000,
      timers,
      reload: (why) => {
        log(`rechargement (${why})`);
        controller.reload();
      },
    });
    win.on('unresponsive', () => watchdog?.unresponsive());
    win.on('responsive', () => watchdog?.responsive());
  }
  contents.on('render-process-gone', (_event, details) => {
    controller.pageGone();
    if (watchdog) watchdog.renderGone(details.reason);
    else if (details.reason !== 'clean-exit') controller.reload();
  });

  const trusted = (event: IpcEventLike) =>
    event.senderFrame !== null &&
    isTrustedSender(
      { url: event.senderFrame.url, isTopFrame: event.senderFrame.parent === null },
      target?.origin,
    );

  if (kind === 'kiosk') {
    // A code written in gfa-shell.json at installation works without the server; otherwise the server
    // checks the code the administrator set in Administration › Sécurité (and journals the exit).
    const localGate = settings.exitCodeSha256
      ? createExitGate({ sha256Hex: settings.exitCodeSha256, now })
      : undefined;
    electron.ipcMain.handle(IPC.kioskExit, async (event, payload) => {
      if (!trusted(event)) return 'refused';
      const code = parseExitCode(payload);
      const verdict = localGate
        ? localGate(payload)
        : code === null
          ? 'wrong-code'
          : await controller.kioskExit(code);
      log(`sortie du mode borne : ${verdict}`);
      if (verdict === 'exit') timers.setTimeout(() => app.exit(0), 0);
      return verdict;
    });
  }

  let tray: TrayLike | undefined;
  if (kind === 'workstation') {
    let quitting = false;
    const show = () => {
      win.show();
      win.focus();
    };
    tray = new electron.Tray(electron.nativeImage.createFromBuffer(trayIconPng()));
    tray.setToolTip('GFA');
    const actions: Record<(typeof trayMenu)[number]['id'], () => void> = {
      show,
      reload: () => controller.reload(),
      quit: () => {
        quitting = true;
        app.quit();
      },
    };
    tray.setContextMenu(
      electron.Menu.buildFromTemplate(trayMenu.map(({ id, label }) => ({ label, click: actions[id] }))),
    );
    tray.on('click', show);
    app.on('before-quit', () => (quitting = true));
    win.on('close', (event) => {
      if (onWindowClose(quitting) === 'hide') {
        event.preventDefault();
        win.hide();
      }
    });

    const decide = createAssignedNotifier();
    electron.ipcMain.handle(IPC.deskAssigned, (event, payload) => {
      if (!trusted(event)) return false;
      const update = parseNotifyAssigned(payload);
      if (!update) return false;
      const decision = decide(update);
      app.setBadgeCount(decision.badge);
      const description = decision.badge === 0 ? '' : `${decision.badge} consultant(s) attribué(s)`;
      win.setOverlayIcon(
        decision.badge === 0 ? null : electron.nativeImage.createFromBuffer(badgePng(decision.badge)),
        description,
      );
      tray?.setToolTip(description ? `GFA — ${description}` : 'GFA');
      if (decision.notification && electron.Notification.isSupported()) {
        new electron.Notification({ ...decision.notification, silent: !decision.sound }).show();
      }
      if (decision.flash && !win.isFocused()) win.flashFrame(true);
      return true;
    });
  } else {
    app.on('window-all-closed', () => app.quit());
  }
  app.on('second-instance', () => {
    win.show();
    win.focus();
  });

  await controller.start();

  return {
    window: win,
    controller,
    ...(tray && { tray }),
    async stop() {
      watchdog?.stop();
      await controller.stop();
      await watch.stop();
    },
  };
}
