/**
 * The server's LAN IPv4 addresses, and a watch that reports when they change.
 * Node has no event for address changes (a DHCP renewal, a cable moved to
 * another switch), so the list is polled: it is a cheap system call.
 */
import { networkInterfaces } from 'node:os';

/** Non-internal IPv4 addresses, sorted so that two lists compare as strings. */
export function lanIPv4Addresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((a) => a.family === 'IPv4' && !a.internal)
    .map((a) => a.address)
    .sort();
}

/** Calls `onChange(now, before)` whenever the set of LAN IPv4 addresses differs from the last poll. */
export function watchLanAddresses(
  initial: readonly string[],
  pollMs: number,
  onChange: (now: string[], before: readonly string[]) => void,
): () => void {
  let last = [...initial];
  const timer = setInterval(() => {
    const now = lanIPv4Addresses();
    if (now.join(',') === last.join(',')) return;
    const before = last;
    last = now;
    onChange(now, before);
  }, pollMs);
  // The watch must never keep a stopping process alive.
  timer.unref();
  return () => clearInterval(timer);
}
