/**
 * The fallback page is a static local file without any script of its own
 * (CSP-compliant): its text travels in the query string, and the preload
 * writes it into the page. Its links and its address form navigate to the
 * same file with `action=…`; the main process intercepts those navigations.
 */
import type { FallbackView } from '../connection/view.js';

export function fallbackQuery(view: FallbackView): Record<string, string> {
  return {
    title: view.title,
    detail: view.detail,
    ...(view.code !== undefined && { code: view.code }),
    ...(view.servers !== undefined && { servers: JSON.stringify(view.servers) }),
    ...(view.askAddress === true && { ask: 'address' }),
    ...(view.fingerprint !== undefined && { fp: view.fingerprint }),
  };
}

export function parseFallbackQuery(search: string): FallbackView {
  const params = new URLSearchParams(search);
  let servers: string[] | undefined;
  try {
    const parsed: unknown = JSON.parse(params.get('servers') ?? 'null');
    if (Array.isArray(parsed)) servers = parsed.filter((name): name is string => typeof name === 'string');
  } catch {
    servers = undefined;
  }
  const code = params.get('code');
  const fp = params.get('fp');
  return {
    title: params.get('title') ?? 'GFA',
    detail: params.get('detail') ?? '',
    ...(code !== null && { code }),
    ...(servers !== undefined && { servers }),
    ...(params.get('ask') === 'address' && { askAddress: true }),
    ...(fp !== null && { fingerprint: fp }),
  };
}

export type FallbackAction =
  | { readonly action: 'choose'; readonly name: string }
  | { readonly action: 'address'; readonly address: string }
  | { readonly action: 'confirm' }
  | { readonly action: 'cancel' };

/** `fallback.html?action=…` as written by the page's links and form; anything else is null. */
export function parseFallbackAction(search: string): FallbackAction | null {
  const params = new URLSearchParams(search);
  switch (params.get('action')) {
    case 'choose': {
      const name = params.get('name');
      return name ? { action: 'choose', name } : null;
    }
    case 'address': {
      const address = params.get('address')?.trim();
      return address ? { action: 'address', address } : null;
    }
    case 'confirm':
      return { action: 'confirm' };
    case 'cancel':
      return { action: 'cancel' };
    default:
      return null;
  }
}

/** "192.168.1.10", "192.168.1.10:8443", "gfa-serveur:9443", "[fe80::1]:8443" → https origin. */
export function parseTypedAddress(address: string, defaultPort = 8443): string | null {
  const trimmed = address
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/.*$/, '');
  if (!/^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/i.test(trimmed)) return null;
  try {
    const url = new URL(`https://${trimmed}`);
    const port = url.port === '' ? defaultPort : Number(url.port);
    if (port < 1 || port > 65535) return null;
    return new URL(`https://${url.hostname}:${port}`).origin;
  } catch {
    return null;
  }
}
