/**
 * Writes the fallback view into the static page (run by the preload on the
 * local file only). Text goes through textContent: a server name announced
 * on the LAN can never inject markup.
 */
import { parseFallbackQuery } from './query.js';

/** The few DOM operations needed, so this runs against a real page or a test double. */
export interface FallbackElement<E> {
  textContent: string | null;
  hidden: boolean;
  setAttribute(name: string, value: string): void;
  appendChild(child: E): unknown;
}
export interface FallbackDocument<E extends FallbackElement<E>> {
  title: string;
  getElementById(id: string): E | null;
  createElement(tag: 'li' | 'a'): E;
}

export const FALLBACK_IDS = [
  'title',
  'detail',
  'code',
  'servers',
  'address-form',
  'fingerprint',
  'fingerprint-actions',
];

export function renderFallback<E extends FallbackElement<E>>(doc: FallbackDocument<E>, search: string): void {
  const view = parseFallbackQuery(search);
  const byId = (id: string) => doc.getElementById(id);
  const setText = (id: string, text: string | undefined) => {
    const element = byId(id);
    if (!element) return;
    element.textContent = text ?? '';
    element.hidden = text === undefined || text === '';
  };
  doc.title = `GFA — ${view.title}`;
  setText('title', view.title);
  setText('detail', view.detail);
  setText('code', view.code);
  setText('fingerprint', view.fingerprint);
  const actions = byId('fingerprint-actions');
  if (actions) actions.hidden = view.fingerprint === undefined;
  const form = byId('address-form');
  if (form) form.hidden = view.askAddress !== true;
  const list = byId('servers');
  if (list) {
    list.hidden = !view.servers?.length;
    for (const name of view.servers ?? []) {
      const item = doc.createElement('li');
      const link = doc.createElement('a');
      link.setAttribute('href', `?${new URLSearchParams({ action: 'choose', name }).toString()}`);
      link.textContent = name;
      item.appendChild(link);
      list.appendChild(item);
    }
  }
}
