/**
 * Kiosks and displays log in as devices: the token comes once in the URL
 * (`?device=…`, written by the installer or the shell), then from local storage.
 */
import type { ApiClient } from '../client/api-client.js';

const KEY = 'gfa.deviceToken';

export async function openDeviceSession(
  api: ApiClient,
  location: Location,
  storage: Storage,
): Promise<string | null> {
  const fromUrl = new URLSearchParams(location.search).get('device');
  if (fromUrl) storage.setItem(KEY, fromUrl);
  const deviceToken = storage.getItem(KEY);
  if (!deviceToken) return null;
  const session = await api.call('login', { body: { deviceToken } });
  // Devices never get a second-factor step; anything else is a protocol error.
  if (!('token' in session)) return null;
  api.setToken(session.token);
  return session.token;
}

export const wsUrl = (location: Location): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
