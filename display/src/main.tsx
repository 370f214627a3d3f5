/** Display start-up: device session, live calls with resume, one announcement at a time. */
import { createRoot } from 'react-dom/client';
import { DEFAULT_HOLD_SECONDS } from '@gfa/shared';
import { createApiClient, LiveSocket } from '@gfa/shared/client';
import { openDeviceSession, wsUrl } from '@gfa/shared/ui';
import '@gfa/shared/ui/theme.css';
import './display.css';
import { App } from './App.js';
import { announce } from './announcer.js';
import { loadDisplayConfig, rememberedConfig } from './display-config.js';
import { syncPlaylist } from './playlist-cache.js';
import { useDisplay } from './store.js';

const params = new URLSearchParams(location.search);
/** `?hold=<ms>` overrides the administrator's hold time (tests, a demonstration). */
const holdOverride = params.get('hold');
const api = createApiClient();
let token: string | null = null;

/** The administrator's display settings: at start, after each reconnection, on each change. */
async function loadSettings(): Promise<void> {
  const config = await loadDisplayConfig(api, localStorage);
  if (config) useDisplay.getState().setSettings(config.settings);
}

const holdMs = (): number =>
  holdOverride !== null
    ? Number(holdOverride)
    : (useDisplay.getState().settings.holdSeconds ?? DEFAULT_HOLD_SECONDS) * 1_000;

async function connect(): Promise<void> {
  const remembered = rememberedConfig(localStorage);
  if (remembered) useDisplay.getState().setSettings(remembered.settings);
  try {
    token = await openDeviceSession(api, location, localStorage);
    await loadSettings();
  } catch {
    // Server unreachable: play the cached videos; the socket below keeps retrying.
    useDisplay.getState().setPlaylist(await syncPlaylist(api, localStorage));
  }
  const socket = new LiveSocket({
    url: wsUrl(location),
    token: () => token,
    client: 'display',
    topics: ['calls', 'config'],
    onStatus: (status) => {
      useDisplay.getState().setStatus(status);
      if (status === 'online') {
        void loadSettings();
        void syncPlaylist(api, localStorage).then((p) => useDisplay.getState().setPlaylist(p));
      }
      if (status === 'offline' && !token)
        void openDeviceSession(api, location, localStorage).then((t) => (token = t));
    },
    onMessage: (message) => {
      const display = useDisplay.getState();
      if (message.type === 'snapshot' && message.data.topic === 'calls') display.restore(message.data.calls);
      if (message.type === 'event' && message.payload.kind === 'call') display.announce(message.payload.call);
      if (message.type === 'event' && message.payload.kind === 'config.changed') void loadSettings();
    },
  });
  socket.start();
}

// Announcements run one after the other, whatever the arrival rhythm.
let running = false;
useDisplay.subscribe((state) => {
  if (!state.current || running) return;
  running = true;
  void announce(state.current, { speech: state.settings.speech, holdMs: holdMs() }).then(() => {
    running = false;
    useDisplay.getState().next();
  });
});

void connect();
const categoryWaits = () => api.call('categoryWaits');
createRoot(document.getElementById('root') as HTMLElement).render(<App categoryWaits={categoryWaits} />);
