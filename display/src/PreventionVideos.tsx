/** Plays the prevention videos one after the other, in a loop, from the local cache. */
import { useEffect, useState } from 'react';
import { playableUrl, type Playlist } from './playlist-cache.js';

export function PreventionVideos({ playlist }: { readonly playlist: Playlist }) {
  const [index, setIndex] = useState(0);
  const [src, setSrc] = useState<string | null>(null);
  const file = playlist.length > 0 ? playlist[index % playlist.length] : undefined;

  useEffect(() => {
    if (!file) return;
    let objectUrl: string | null = null;
    void playableUrl(file.url).then((url) => {
      objectUrl = url.startsWith('blob:') ? url : null;
      setSrc(url);
    });
    return () => {
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [file]);

  if (!file || !src) return null;
  return (
    <video
      className="display-video"
      data-testid="prevention-video"
      data-name={file.name}
      src={src}
      autoPlay
      muted
      playsInline
      onEnded={() => setIndex((i) => i + 1)}
      onError={() => setIndex((i) => i + 1)}
    />
  );
}
