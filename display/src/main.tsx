/** Display start-up: device session, live calls with resume, one announcement at a time. */
import { createRoot } from 'react-dom/client';
import { createApiClient, LiveSocket } from '@gfa/shared/client';
import { openDeviceSession, wsUrl } from '@gfa/shared/ui';
import '@gfa/shared/ui/theme.css';
import './display.css';
import { App } from './App.js';
import { announce } from './announcer.js';
import { syncPlaylist } from './playlist-cache.js';
import { useDisplay } from './store.js';

const params = new URLSearchParams(location.search);
const holdMs = Number(params.get('hold') ?? 8_000);
const api = createApiClient();
let token: string | null = null;

/** The administrator's display settings, applied live. */
async function loadSettings(): Promise<void> {
  const settings = await api.call('displaySettings').catch(() => null);
  if (settings) useDisplay.getState().setSettings(settings);
}

async function connect(): Promise<void> {
  try {
    token = await openDeviceSession(api, location, localStorage);
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
      if (status === 'online')
        void syncPlaylist(api, localStorage).then((p) => useDisplay.getState().setPlaylist(p));
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
  void announce(state.current, { speech: state.settings.speech, holdMs }).then(() => {
    running = false;
    useDisplay.getState().next();
  });
});

void connect();
createRoot(document.getElementById('root') as HTMLElement).render(<App />);
