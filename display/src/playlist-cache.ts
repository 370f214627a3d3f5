/**
 * The prevention videos are copied into the browser's Cache Storage, so the
 * display keeps playing them when the server is unreachable.
 */
import type { MediaList } from '@gfa/shared';
import type { ApiClient } from '@gfa/shared/client';

const CACHE = 'gfa-media';
const LIST_KEY = 'gfa.display.playlist';

export type Playlist = MediaList['files'];

/** Fetches the playlist and caches new videos; offline, returns the last known playlist. */
export async function syncPlaylist(api: ApiClient, storage: Storage): Promise<Playlist> {
  let files: Playlist;
  try {
    files = (await api.call('media')).files;
    storage.setItem(LIST_KEY, JSON.stringify(files));
  } catch {
    return JSON.parse(storage.getItem(LIST_KEY) ?? '[]') as Playlist;
  }
  const cache = await caches.open(CACHE);
  for (const file of files) {
    if (!(await cache.match(file.url))) {
      const response = await fetch(file.url);
      if (response.ok) await cache.put(file.url, response);
    }
  }
  const wanted = new Set(files.map((f) => new URL(f.url, location.href).href));
  for (const request of await cache.keys()) if (!wanted.has(request.url)) await cache.delete(request);
  return files;
}

/** A playable URL for the video: from the cache when present, else from the server. */
export async function playableUrl(url: string): Promise<string> {
  const cached = await caches.open(CACHE).then((cache) => cache.match(url));
  return cached ? URL.createObjectURL(await cached.blob()) : url;
}
