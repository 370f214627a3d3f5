import { describe, expect, it } from 'vitest';
import {
  isAllowedNavigation,
  isTrustedSender,
  permissionDecision,
  webPreferencesFor,
  windowOpenDecision,
} from '../window/policy.js';

const pinned = 'https://192.168.1.20:8443';
const fallbackUrl = 'file:///opt/gfa/resources/fallback.html';
const context = { pinnedOrigin: pinned, fallbackUrl };

describe('webPreferences', () => {
  it('is hardened for every shell', () => {
    for (const kind of ['kiosk', 'display', 'workstation'] as const) {
      expect(webPreferencesFor(kind, { preload: '/p.cjs' })).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        preload: '/p.cjs',
      });
    }
  });

  it('lets the display autoplay and keeps developer tools off public screens', () => {
    expect(webPreferencesFor('display').autoplayPolicy).toBe('no-user-gesture-required');
    expect(webPreferencesFor('kiosk').autoplayPolicy).toBeUndefined();
    expect(webPreferencesFor('kiosk', { devTools: true }).devTools).toBe(false);
    expect(webPreferencesFor('workstation', { devTools: true }).devTools).toBe(true);
  });
});

describe('navigation', () => {
  it('allows the pinned server and the local fallback page only', () => {
    expect(isAllowedNavigation(`${pinned}/kiosk/?device=x`, context)).toBe(true);
    expect(isAllowedNavigation(`${fallbackUrl}?title=Recherche`, context)).toBe(true);
    expect(isAllowedNavigation('https://192.168.1.20:9443/kiosk/', context)).toBe(false);
    expect(isAllowedNavigation('http://192.168.1.20:8443/kiosk/', context)).toBe(false);
    expect(isAllowedNavigation('https://evil.example/', context)).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd', context)).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)', context)).toBe(false);
    expect(isAllowedNavigation('not a url', context)).toBe(false);
    expect(isAllowedNavigation(`${pinned}/`, { pinnedOrigin: undefined, fallbackUrl })).toBe(false);
  });

  it('denies new windows except same-origin pages on the workstation', () => {
    expect(windowOpenDecision('kiosk', `${pinned}/x`, pinned)).toEqual({ action: 'deny' });
    expect(windowOpenDecision('display', `${pinned}/x`, pinned)).toEqual({ action: 'deny' });
    expect(windowOpenDecision('workstation', 'https://evil.example/', pinned)).toEqual({ action: 'deny' });
    const allowed = windowOpenDecision('workstation', `${pinned}/api/exports/day.xlsx`, pinned);
    expect(allowed.action).toBe('allow');
    if (allowed.action === 'allow') {
      expect(allowed.overrideBrowserWindowOptions.webPreferences).toMatchObject({
        sandbox: true,
        contextIsolation: true,
      });
      expect(allowed.overrideBrowserWindowOptions.webPreferences.preload).toBeUndefined();
    }
  });
});

describe('permissions', () => {
  it('grants each shell only what it needs, and only to the pinned server', () => {
    expect(permissionDecision('display', 'fullscreen', `${pinned}/display/`, pinned)).toBe(true);
    expect(permissionDecision('workstation', 'notifications', `${pinned}/workstation/`, pinned)).toBe(true);
    expect(permissionDecision('workstation', 'notifications', 'https://evil.example/', pinned)).toBe(false);
    expect(permissionDecision('kiosk', 'notifications', `${pinned}/kiosk/`, pinned)).toBe(false);
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'openExternal', 'display-capture']) {
      for (const kind of ['kiosk', 'display', 'workstation'] as const) {
        expect(permissionDecision(kind, permission, `${pinned}/`, pinned)).toBe(false);
      }
    }
  });
});

describe('IPC gate', () => {
  it('accepts only the pinned origin top frame', () => {
    expect(isTrustedSender({ url: `${pinned}/workstation/`, isTopFrame: true }, pinned)).toBe(true);
    expect(isTrustedSender({ url: `${pinned}/workstation/`, isTopFrame: false }, pinned)).toBe(false);
    expect(isTrustedSender({ url: `${fallbackUrl}?x=1`, isTopFrame: true }, pinned)).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', isTopFrame: true }, pinned)).toBe(false);
    expect(isTrustedSender({ url: `${pinned}/`, isTopFrame: true }, undefined)).toBe(false);
  });
});
