import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  fallbackQuery,
  parseFallbackAction,
  parseFallbackQuery,
  parseTypedAddress,
} from '../fallback/query.js';
import {
  FALLBACK_IDS,
  renderFallback,
  type FallbackDocument,
  type FallbackElement,
} from '../fallback/render.js';

const html = readFileSync(fileURLToPath(new URL('../fallback/fallback.html', import.meta.url)), 'utf8');

/** A minimal element tree: there is no DOM in this test environment. */
class Element implements FallbackElement<Element> {
  textContent: string | null = '';
  hidden = false;
  readonly attributes = new Map<string, string>();
  readonly children: Element[] = [];
  constructor(readonly tag: string) {}
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  appendChild(child: Element) {
    this.children.push(child);
  }
}
function documentFor(ids: readonly string[]) {
  const elements = new Map(ids.map((id) => [id, new Element(id)]));
  const doc: FallbackDocument<Element> = {
    title: '',
    getElementById: (id) => elements.get(id) ?? null,
    createElement: (tag) => new Element(tag),
  };
  return { doc, el: (id: string) => elements.get(id) as Element };
}

describe('fallback page', () => {
  it('has no script and a CSP, and holds every element the preload fills', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).toMatch(/http-equiv="Content-Security-Policy"/);
    for (const id of FALLBACK_IDS) expect(html).toContain(`id="${id}"`);
    expect(html).toContain('lang="fr"');
  });

  it('carries its view through the query string', () => {
    const view = {
      title: 'Code d’appairage',
      detail: 'À saisir dans Administration › Appareils',
      code: '123 456',
      servers: ['GFA A', 'GFA "B" & <C>'],
      askAddress: true,
      fingerprint: 'AB:CD',
    };
    const search = `?${new URLSearchParams(fallbackQuery(view)).toString()}`;
    expect(parseFallbackQuery(search)).toEqual(view);
    expect(parseFallbackQuery('?title=x&servers=%7Bbad')).toEqual({ title: 'x', detail: '' });
  });

  it('renders text as text, server links as actions, and hides what is unused', () => {
    const { doc, el } = documentFor(FALLBACK_IDS);
    const search = new URLSearchParams(
      fallbackQuery({ title: 'Plusieurs serveurs', detail: 'Choisissez', servers: ['<b>GFA</b>'] }),
    ).toString();
    renderFallback(doc, `?${search}`);
    expect(doc.title).toBe('GFA — Plusieurs serveurs');
    expect(el('title').textContent).toBe('Plusieurs serveurs');
    expect(el('code').hidden).toBe(true);
    expect(el('address-form').hidden).toBe(true);
    expect(el('fingerprint-actions').hidden).toBe(true);
    const link = el('servers').children[0]?.children[0];
    expect(link?.textContent).toBe('<b>GFA</b>');
    expect(parseFallbackAction(link?.attributes.get('href') ?? '')).toEqual({
      action: 'choose',
      name: '<b>GFA</b>',
    });
  });

  it('reads the actions its links and form send back', () => {
    expect(parseFallbackAction('?action=address&address=+10.0.0.2%3A9443+')).toEqual({
      action: 'address',
      address: '10.0.0.2:9443',
    });
    expect(parseFallbackAction('?action=confirm')).toEqual({ action: 'confirm' });
    expect(parseFallbackAction('?action=cancel')).toEqual({ action: 'cancel' });
    expect(parseFallbackAction('?action=choose')).toBeNull();
    expect(parseFallbackAction('?action=exit')).toBeNull();
    expect(parseFallbackAction('?title=x')).toBeNull();
  });

  it('turns a typed address into an HTTPS origin', () => {
    expect(parseTypedAddress('192.168.1.10')).toBe('https://192.168.1.10:8443');
    expect(parseTypedAddress(' 192.168.1.10:9443 ')).toBe('https://192.168.1.10:9443');
    expect(parseTypedAddress('https://gfa-serveur:8443/admin')).toBe('https://gfa-serveur:8443');
    expect(parseTypedAddress('[fe80::1]:8443')).toBe('https://[fe80::1]:8443');
    expect(parseTypedAddress('10.0.0.1:99999')).toBeNull();
    expect(parseTypedAddress('javascript:alert(1)')).toBeNull();
    expect(parseTypedAddress('')).toBeNull();
  });
});
