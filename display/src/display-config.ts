/**
 * The display's own configuration (announcement settings, rooms, category
 * labels), read at start, after each reconnection and on every change, and
 * kept in local storage: a TV booting while the server is down still shows
 * names as the administrator chose and still speaks.
 */
import { DisplayConfigDto } from '@gfa/shared';
import type { ApiClient } from '@gfa/shared/client';

const CONFIG_KEY = 'gfa.display.config';

/** The server's answer (then remembered), or the last one remembered, or null on a first start offline. */
export async function loadDisplayConfig(api: ApiClient, storage: Storage): Promise<DisplayConfigDto | null> {
  try {
    const config = await api.call('displayConfig');
    storage.setItem(CONFIG_KEY, JSON.stringify(config));
    return config;
  } catch {
    return rememberedConfig(storage);
  }
}

/** What was stored, if it still reads as a display configuration (an older format is ignored). */
export function rememberedConfig(storage: Storage): DisplayConfigDto | null {
  try {
    const parsed = DisplayConfigDto.safeParse(JSON.parse(storage.getItem(CONFIG_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
