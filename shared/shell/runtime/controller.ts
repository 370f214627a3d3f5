/**
 * Drives the connection life cycle: discovery, pairing, enrolment, device
 * session, page load, health probes and reconnection. It knows nothing of
 * Electron: it tells `ui` what to show and hears back whether the page loaded.
 */
import { KioskExitVerdict } from '../../src/api/devices.js';
import { routePath } from '../../src/api/route-path.js';
import { PROTOCOL_VERSION } from '../../src/api/version.js';
import { addressOf, chooseServer, originOf } from '../discovery/choose-server.js';
import type { FoundServer, ServerWatch } from '../discovery/types.js';
import { enrolDevice } from '../enrolment/enrol-device.js';
import {
  openDeviceSession,
  type SessionCookie,
  type ShellKind,
  type Transport,
} from '../enrolment/enrolment-client.js';
import { AnnouncedFingerprintMismatchError, fetchServerPin } from '../enrolment/pairing.js';
import { initialState, nextState, type ConnectionEvent, type ConnectionState } from '../connection/state.js';
import { viewOf, type FallbackView } from '../connection/view.js';
import { parseTypedAddress, type FallbackAction } from '../fallback/query.js';
import { CertificateChangedError, CertificateDateError, fetchPinned } from '../pinning/fetch-pinned.js';
import { screenUrl } from '../policies/profile.js';
import type { Timers } from '../policies/watchdog.js';
import { forgetDevice, type Pin, type ShellState, type ShellStore } from '../store/shell-store.js';

export interface PinnedTarget {
  readonly origin: string;
  readonly host: string;
  readonly pin: Pin;
}

export interface ControllerUi {
  showFallback(view: FallbackView): void;
  /** Sets the session cookies, then loads the server's screen; the runtime reports the outcome. */
  loadPage(url: string, target: PinnedTarget, cookies: readonly SessionCookie[]): void;
  /** The pinned server changed: the window's certificate check and policies follow. */
  pinned(target: PinnedTarget): void;
}

export interface ControllerDeps {
  readonly kind: ShellKind;
  readonly hostname: string;
  readonly store: ShellStore;
  readonly watch: ServerWatch;
  readonly ui: ControllerUi;
  readonly timers: Timers;
  /** Keep a live page while the server is away (display, kiosk). */
  readonly keepPage: boolean;
  readonly protocolVersion?: number;
  readonly pollMs?: number;
  readonly probeMs?: number;
  readonly searchTickMs?: number;
  /** How long to listen for mDNS before asking for a typed address. */
  readonly addressGraceMs?: number;
  readonly refusedRetryMs?: number;
  readonly now?: () => number;
  readonly log?: (message: string) => void;
}

export interface Controller {
  start(): Promise<void>;
  action(action: FallbackAction): void;
  /** The server page finished loading (main frame, pinned origin). */
  pageLoaded(): void;
  /** The server page failed to load (main frame, pinned origin). */
  pageFailed(): void;
  /** The renderer died: the page is no longer alive. */
  pageGone(): void;
  /** Reload the server page (watchdog), or re-show the fallback. */
  reload(): void;
  state(): ConnectionState;
  target(): PinnedTarget | undefined;
  /** Kiosk: asks the server, with this device's session, whether `code` is the administrator's exit code. */
  kioskExit(code: string): Promise<KioskExitAnswer>;
  stop(): Promise<void>;
}

export type KioskExitAnswer = 'exit' | 'wrong-code' | 'locked' | 'unreachable';

const SEARCH_PHASES = new Set<ConnectionState['phase']>(['searching', 'choosing', 'typing-address']);

export function createController(deps: ControllerDeps): Controller {
  const protocolVersion = deps.protocolVersion ?? PROTOCOL_VERSION;
  const probeMs = deps.probeMs ?? 10_000;
  const searchTickMs = deps.searchTickMs ?? 5_000;
  const addressGraceMs = deps.addressGraceMs ?? 20_000;
  const refusedRetryMs = deps.refusedRetryMs ?? 60_000;
  const now = deps.now ?? Date.now;
  const log = deps.log ?? (() => {});

  let state: ConnectionState = initialState;
  let saved: ShellState = { settings: {} };
  let target: PinnedTarget | undefined;
  let showing: 'none' | 'fallback' | 'page' = 'none';
  let pageAlive = false;
  let lastFallback = '';
  let searchingSince = now();
  let typed: { origin: string; pin: Pin } | undefined;
  let timer: unknown;
  let generation = 0;
  let enrolment: AbortController | undefined;
  let stopped = false;
  let unsubscribe: () => void = () => {};
  /** The flow of a pairing or direct try under way: the search ticks must not restart it (slow server). */
  let attemptFlow = -1;
  const attempting = () => attemptFlow === generation;

  const render = () => {
    const view = viewOf(state, { keepPage: deps.keepPage, pageAlive: showing === 'page' && pageAlive });
    if (view.show === 'page') return;
    const key = JSON.stringify(view.view);
    if (showing === 'fallback' && key === lastFallback) return;
    showing = 'fallback';
    pageAlive = false;
    lastFallback = key;
    deps.ui.showFallback(view.view);
  };
  const dispatch = (event: ConnectionEvent) => {
    const before = state;
    state = nextState(state, event);
    if (state !== before) log(`${before.phase} → ${state.phase} (${event.type})`);
    render();
  };
  const schedule = (ms: number, run: () => void) => {
    if (timer !== undefined) deps.timers.clearTimeout(timer);
    timer = deps.timers.setTimeout(() => {
      timer = undefined;
      if (!stopped) run();
    }, ms);
  };
  /** A new flow supersedes older ones: their late answers are ignored. */
  const newFlow = () => {
    generation += 1;
    enrolment?.abort();
    enrolment = undefined;
    const mine = generation;
    return () => !stopped && mine === generation;
  };
  /** Checks that no newer flow started, without superseding the current one (probes). */
  const sameFlow = () => {
    const mine = generation;
    return () => !stopped && mine === generation;
  };
  const transportFor =
    (t: PinnedTarget): Transport =>
    (path, options) =>
      fetchPinned(new URL(path, t.origin), t.pin, options);

  const block = (error: unknown): boolean => {
    if (
      error instanceof CertificateChangedError ||
      error instanceof CertificateDateError ||
      error instanceof AnnouncedFingerprintMismatchError
    ) {
      newFlow();
      dispatch({ type: 'blocked', message: error.message });
      return true;
    }
    return false;
  };

  /** The device session the shell opened last: checked by the probes, so a revocation is noticed. */
  let sessionToken: string | undefined;

  /**
   * 'ok' when the server answers (and still knows our session), 'signed-out' when the session is
   * gone (revoked device, expired session), 'unreachable' otherwise; throws when the certificate changed.
   */
  const check = async (t: PinnedTarget): Promise<'ok' | 'signed-out' | 'unreachable'> => {
    try {
      if (sessionToken === undefined) {
        await transportFor(t)(routePath('health'), { timeoutMs: 5_000 });
        return 'ok';
      }
      const res = await transportFor(t)(routePath('me'), {
        timeoutMs: 5_000,
        headers: { authorization: `Bearer ${sessionToken}` },
      });
      return res.status === 401 ? 'signed-out' : 'ok';
    } catch (error) {
      if (error instanceof CertificateChangedError || error instanceof CertificateDateError) throw error;
      return 'unreachable';
    }
  };

  const setTarget = (origin: string, pin: Pin) => {
    target = { origin, host: new URL(origin).hostname.replace(/^\[|\]$/g, ''), pin };
    deps.ui.pinned(target);
    return target;
  };

  // ── search ────────────────────────────────────────────────────────────
  const evaluate = () => {
    if (stopped || !SEARCH_PHASES.has(state.phase)) return;
    const choice = chooseServer(deps.watch.current(), saved.server, protocolVersion);
    switch (choice.kind) {
      case 'join':
        return join(choice.server);
      case 'offer':
        // One server on the LAN: pairing still needs the administrator's approval of the code.
        if (attempting()) return;
        return void pair(originFor(choice.server), choice.server.name, choice.server.fingerprint256);
      case 'pick':
        if (state.phase !== 'typing-address') dispatch({ type: 'choice-needed', servers: choice.servers });
        return;
      case 'incompatible':
        newFlow();
        return dispatch({ type: 'blocked', message: choice.message });
      case 'wait-remembered':
        if (attempting()) return;
        return void tryRemembered();
      case 'typed-address':
        if (state.phase === 'searching' && now() - searchingSince >= addressGraceMs) {
          dispatch({ type: 'address-needed' });
        }
        return;
    }
  };
  const originFor = (server: FoundServer) => originOf(addressOf(server), server.port);
  const searchTick = () => {
    evaluate();
    if (SEARCH_PHASES.has(state.phase)) schedule(searchTickMs, searchTick);
  };

  const join = (server: FoundServer) => {
    if (!saved.pin) return void pair(originFor(server), server.name, server.fingerprint256);
    const origin = originFor(server);
    const host = addressOf(server);
    if (saved.server?.host !== host || saved.server.port !== server.port) {
      log(`${server.name} est maintenant à ${origin}`);
      void deps.store
        .update((s) => ({ ...s, server: { name: server.name, host, port: server.port } }))
        .then((next) => (saved = next))
        .catch((error: unknown) => log(`adresse non enregistrée : ${String(error)}`));
    }
    const t = setTarget(origin, saved.pin);
    dispatch({ type: 'server-pinned', origin: t.origin, enrolled: saved.deviceToken !== undefined });
    void (saved.deviceToken === undefined ? enrol() : connect());
  };

  /** mDNS may be filtered: the remembered address is tried directly. */
  const tryRemembered = async () => {
    const remembered = saved.server;
    if (!remembered || !saved.pin) return;
    const current = newFlow();
    const t: PinnedTarget = {
      origin: originOf(remembered.host, remembered.port),
      host: remembered.host,
      pin: saved.pin,
    };
    const mine = (attemptFlow = generation);
    try {
      if ((await check(t)) === 'unreachable' || !current() || !SEARCH_PHASES.has(state.phase)) return;
    } catch (error) {
      if (current()) block(error);
      return;
    } finally {
      if (attemptFlow === mine) attemptFlow = -1;
    }
    setTarget(t.origin, t.pin);
    dispatch({ type: 'server-pinned', origin: t.origin, enrolled: saved.deviceToken !== undefined });
    void (saved.deviceToken === undefined ? enrol() : connect());
  };

  // ── pairing ───────────────────────────────────────────────────────────
  const pair = async (origin: string, name: string, announced: string | undefined) => {
    const current = newFlow();
    let pin: Pin;
    const mine = (attemptFlow = generation);
    try {
      pin = await fetchServerPin(origin, announced);
    } catch (error) {
      if (attemptFlow === mine) attemptFlow = -1;
      if (!current() || block(error)) return;
      log(`appairage impossible avec ${origin} : ${String(error)}`);
      if (announced === undefined) {
        dispatch({ type: 'address-needed', error: `Aucun serveur GFA ne répond à l’adresse ${origin}.` });
      }
      return;
    }
    // On success the attempt lasts until the pin is saved: a tick meanwhile would pair again.
    if (!current()) return;
    if (announced === undefined) {
      typed = { origin, pin };
      dispatch({ type: 'fingerprint-to-confirm', origin, fingerprint256: pin.fingerprint256 });
      return;
    }
    await commitPin(name, origin, pin, current);
  };

  const commitPin = async (name: string, origin: string, pin: Pin, current: () => boolean) => {
    const url = new URL(origin);
    saved = await deps.store.update((s) => ({
      ...forgetDevice(s),
      server: { name, host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port || 443) },
      pin,
    }));
    if (!current()) return;
    const t = setTarget(origin, pin);
    dispatch({ type: 'server-pinned', origin: t.origin, enrolled: false });
    void enrol();
  };

  // ── enrolment ─────────────────────────────────────────────────────────
  const enrol = async () => {
    const t = target;
    if (!t) return;
    const current = newFlow();
    const controller = new AbortController();
    enrolment = controller;
    try {
      const outcome = await enrolDevice({
        transport: transportFor(t),
        kind: deps.kind,
        hostname: deps.hostname,
        signal: controller.signal,
        ...(deps.pollMs !== undefined && { pollMs: deps.pollMs }),
        onCode: (request) => current() && dispatch({ type: 'enrolment-code', code: request.code }),
      });
      if (!current()) return;
      if (outcome.status === 'approved') {
        saved = await deps.store.update((s) => ({
          ...s,
          deviceToken: outcome.deviceToken,
          deviceName: outcome.name,
        }));
        if (!current()) return;
        dispatch({ type: 'enrolled' });
        void connect();
      } else if (outcome.status === 'refused') {
        dispatch({ type: 'enrolment-refused' });
        schedule(refusedRetryMs, () => {
          dispatch({ type: 'retry' });
          void enrol();
        });
      }
    } catch (error) {
      if (!current() || block(error)) return;
      log(`appairage interrompu : ${String(error)}`);
      schedule(5_000, () => void enrol());
    }
  };

  // ── session and page ──────────────────────────────────────────────────
  const connect = async () => {
    const t = target;
    const token = saved.deviceToken;
    if (!t) return;
    if (token === undefined) return void enrol();
    const current = newFlow();
    try {
      const session = await openDeviceSession(transportFor(t), token);
      if (!current()) return;
      if (session.status === 'revoked') {
        log('jeton d’appareil révoqué : nouvel appairage');
        sessionToken = undefined;
        saved = await deps.store.update(forgetDevice);
        if (!current()) return;
        dispatch({ type: 'session-revoked' });
        void enrol();
        return;
      }
      sessionToken = session.sessionToken;
      deps.ui.loadPage(screenUrl(deps.kind, t.origin, token), t, session.cookies);
    } catch (error) {
      if (!current() || block(error)) return;
      lost();
    }
  };

  const lost = () => {
    dispatch({ type: 'connection-lost' });
    if (state.phase === 'reconnecting') schedule(state.retryInMs, () => void retry());
  };

  const retry = async () => {
    const t = target;
    if (!t || state.phase !== 'reconnecting') return;
    const current = newFlow();
    let result: Awaited<ReturnType<typeof check>>;
    try {
      result = await check(t);
    } catch (error) {
      if (current()) block(error);
      return;
    }
    if (!current()) return;
    if (result === 'unreachable') return lost();
    if (result === 'ok' && deps.keepPage && showing === 'page' && pageAlive) {
      // The live page reconnects its own WebSocket: reloading would restart the videos.
      dispatch({ type: 'page-loaded' });
      schedule(probeMs, () => void probe());
    } else {
      void connect();
    }
  };

  const probe = async () => {
    const t = target;
    if (!t || state.phase !== 'connected') return;
    const current = sameFlow();
    try {
      const result = await check(t);
      if (!current()) return;
      if (result === 'ok') schedule(probeMs, () => void probe());
      else if (result === 'unreachable') lost();
      else {
        // Revoked (the next session is refused: enrol again) or merely expired (a new one opens).
        log('session de l’appareil terminée par le serveur');
        sessionToken = undefined;
        void connect();
      }
    } catch (error) {
      if (current()) block(error);
    }
  };

  const onWatchEvent = () => {
    if (SEARCH_PHASES.has(state.phase)) return evaluate();
    // DHCP moved the remembered server while we were reconnecting: follow it.
    if (state.phase === 'reconnecting' && saved.server && saved.pin) {
      const server = deps.watch.current().find((s) => s.name === saved.server?.name);
      if (server && server.protocolVersion === protocolVersion && originFor(server) !== target?.origin) {
        join(server);
      }
    }
  };

  return {
    async start() {
      saved = await deps.store.read();
      searchingSince = now();
      render();
      unsubscribe = deps.watch.onEvent(onWatchEvent);
      searchTick();
    },
    action(action) {
      switch (action.action) {
        case 'choose': {
          if (state.phase !== 'choosing') return;
          const server = state.servers.find((s) => s.name === action.name);
          if (server) void pair(originFor(server), server.name, server.fingerprint256);
          return;
        }
        case 'address': {
          if (state.phase !== 'typing-address' && state.phase !== 'searching' && state.phase !== 'choosing')
            return;
          const origin = parseTypedAddress(action.address);
          if (origin === null) {
            dispatch({
              type: 'address-needed',
              error: `Adresse invalide : « ${action.address} ». Exemple : 192.168.1.10:8443`,
            });
          } else {
            void pair(origin, new URL(origin).host, undefined);
          }
          return;
        }
        case 'confirm': {
          if (state.phase !== 'confirming' || !typed) return;
          const { origin, pin } = typed;
          typed = undefined;
          void commitPin(new URL(origin).host, origin, pin, newFlow());
          return;
        }
        case 'cancel':
          if (state.phase !== 'confirming') return;
          typed = undefined;
          newFlow();
          dispatch({ type: 'address-needed' });
          // Back to a search phase: listen again (a server may still be announced).
          searchTick();
          return;
      }
    },
    pageLoaded() {
      showing = 'page';
      pageAlive = true;
      dispatch({ type: 'page-loaded' });
      if (state.phase === 'connected') schedule(probeMs, () => void probe());
    },
    pageFailed() {
      showing = 'page';
      pageAlive = false;
      if (state.phase === 'connecting' || state.phase === 'connected' || state.phase === 'reconnecting')
        lost();
    },
    pageGone() {
      pageAlive = false;
    },
    reload() {
      if (state.phase === 'connected' || state.phase === 'reconnecting') void connect();
      else {
        lastFallback = '';
        render();
      }
    },
    state: () => state,
    target: () => target,
    async kioskExit(code) {
      if (!target || sessionToken === undefined) return 'unreachable';
      try {
        const res = await transportFor(target)(routePath('kioskExit'), {
          method: 'POST',
          json: { code },
          timeoutMs: 5_000,
          headers: { authorization: `Bearer ${sessionToken}` },
        });
        const answer = res.status === 200 ? KioskExitVerdict.safeParse(JSON.parse(res.body)) : null;
        return answer?.success ? answer.data.verdict : 'unreachable';
      } catch {
        return 'unreachable';
      }
    },
    async stop() {
      stopped = true;
      newFlow();
      unsubscribe();
      if (timer !== undefined) deps.timers.clearTimeout(timer);
    },
  };
}
