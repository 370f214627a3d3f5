/**
 * A value read from the server now and then every `everyMs` while the
 * screen shows it (the forecast lines: the server throttles the forecast, so
 * polling is as fresh as a push). A failed read gives null: a screen shows
 * nothing rather than a stale figure.
 */
import { useEffect, useState } from 'react';

export function usePolled<T>(
  load: (() => Promise<T>) | null,
  everyMs: number,
  /** Reads again at once when one of these changes (besides the interval). */
  refreshOn: readonly unknown[] = [],
): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    if (!load) return setValue(null);
    let live = true;
    const refresh = () =>
      load().then(
        (v) => live && setValue(v),
        () => live && setValue(null),
      );
    void refresh();
    const timer = setInterval(() => void refresh(), everyMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
    // The caller lists what makes a read stale.
  }, [load, everyMs, ...refreshOn]);
  return value;
}
