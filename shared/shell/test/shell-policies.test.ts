import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { createWatchdog, type Timers } from '../policies/watchdog.js';
import { createExitGate, exitCodeMatches, parseExitCode } from '../policies/kiosk.js';
import { DISPLAY_POWER_SAVE, displayWindowOptions, pickDisplay } from '../policies/display.js';
import { createAssignedNotifier, onWindowClose, parseNotifyAssigned } from '../policies/workstation.js';
import {
  applyStartAtLogin,
  onServerBack,
  profiles,
  screenUrl,
  type LoginItems,
} from '../policies/profile.js';

/** Manual timers: the test decides when time passes. */
function manualTimers() {
  let now = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  let next = 0;
  const timers: Timers = {
    setTimeout(run, ms) {
      next += 1;
      pending.set(next, { at: now + ms, run });
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const [id, timer] of [...pending]) {
      if (timer.at <= now) {
        pending.delete(id);
        timer.run();
      }
    }
  };
  return { timers, advance };
}

describe('watchdog (when to reload)', () => {
  it('reloads a page unresponsive for N seconds, not one that recovers', () => {
    const { timers, advance } = manualTimers();
    const reloads: string[] = [];
    const dog = createWatchdog({ unresponsiveMs: 15_000, timers, reload: (why) => reloads.push(why) });
    dog.unresponsive();
    advance(10_000);
    dog.responsive();
    advance(10_000);
    expect(reloads).toEqual([]);
    dog.unresponsive();
    dog.unresponsive();
    advance(15_000);
    expect(reloads).toEqual(['unresponsive']);
  });

  it('reloads after a crash, not after a clean exit', () => {
    const { timers } = manualTimers();
    const reloads: string[] = [];
    const dog = createWatchdog({ unresponsiveMs: 1, timers, reload: (why) => reloads.push(why) });
    dog.renderGone('clean-exit');
    dog.renderGone('crashed');
    dog.renderGone('oom');
    expect(reloads).toEqual(['render-process-gone:crashed', 'render-process-gone:oom']);
  });
});

describe('kiosk exit', () => {
  const hash = createHash('sha256').update('482915').digest('hex');

  it('leaves only with the administrator code', () => {
    expect(exitCodeMatches('482915', hash)).toBe(true);
    expect(exitCodeMatches('482915', hash.toUpperCase())).toBe(true);
    expect(exitCodeMatches('000000', hash)).toBe(false);
    expect(exitCodeMatches('482915', undefined)).toBe(false);
    expect(parseExitCode('12')).toBeNull();
    expect(parseExitCode({ code: '482915' })).toBeNull();
    expect(parseExitCode('48291a')).toBeNull();
  });

  it('locks the exit for a minute after five wrong codes', () => {
    let now = 0;
    const gate = createExitGate({ sha256Hex: hash, now: () => now });
    for (let i = 0; i < 5; i += 1) expect(gate('111111')).toBe('wrong-code');
    expect(gate('482915')).toBe('locked');
    now = 60_001;
    expect(gate('482915')).toBe('exit');
  });
});

describe('display placement', () => {
  const left = { id: 7, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
  const right = { id: 3, bounds: { x: 1920, y: 0, width: 1920, height: 1080 } };
  it('fills the chosen monitor by id, then by index, then the primary', () => {
    expect(pickDisplay([right, left], left, { monitorId: 3 })).toBe(right);
    expect(pickDisplay([right, left], left, { monitorIndex: 1 })).toBe(right);
    expect(pickDisplay([right, left], left, { monitorIndex: 0 })).toBe(left);
    expect(pickDisplay([right, left], right, { monitorId: 99, monitorIndex: 5 })).toBe(right);
    expect(pickDisplay([left], left, {})).toBe(left);
    expect(displayWindowOptions(right)).toMatchObject({ x: 1920, y: 0, fullscreen: true, frame: false });
    expect(DISPLAY_POWER_SAVE).toBe('prevent-display-sleep');
  });

  it('keeps a live page while the server is away and does not reload it when it returns', () => {
    expect(profiles.display.keepPageWhenServerAway).toBe(true);
    expect(onServerBack('page', true)).toBe('keep');
    expect(onServerBack('page', false)).toBe('load');
    expect(onServerBack('fallback', true)).toBe('load');
  });
});

describe('workstation notifications (when to notify)', () => {
  it('notifies when the count grows, not on first load nor when it falls', () => {
    const decide = createAssignedNotifier();
    expect(decide({ count: 2, text: '' })).toEqual({ badge: 2, flash: false, sound: false });
    expect(decide({ count: 3, text: 'Mme D. vous attend' })).toEqual({
      badge: 3,
      notification: { title: '3 consultants vous sont attribués', body: 'Mme D. vous attend' },
      flash: true,
      sound: true,
    });
    expect(decide({ count: 1, text: '' })).toEqual({ badge: 1, flash: false, sound: false });
    expect(decide({ count: 1, text: '' }).notification).toBeUndefined();
    expect(decide({ count: 2, text: '' }).notification?.title).toBe('2 consultants vous sont attribués');
    expect(decide({ count: 0, text: '' }).badge).toBe(0);
    expect(decide({ count: 1, text: '' }).notification).toEqual({
      title: '1 consultant vous est attribué',
      body: 'Un nouveau consultant vous attend.',
    });
  });

  it('validates the page payload', () => {
    expect(parseNotifyAssigned({ count: 2, text: ' x ' })).toEqual({ count: 2, text: 'x' });
    expect(parseNotifyAssigned({ count: -1, text: '' })).toBeNull();
    expect(parseNotifyAssigned({ count: 1.5, text: '' })).toBeNull();
    expect(parseNotifyAssigned({ count: 1, text: 'x'.repeat(201) })).toBeNull();
    expect(parseNotifyAssigned('2')).toBeNull();
  });

  it('hides to the tray on close unless quitting', () => {
    expect(onWindowClose(false)).toBe('hide');
    expect(onWindowClose(true)).toBe('close');
  });
});

describe('start at logon and screen URL', () => {
  const items = (open: boolean) => {
    const calls: boolean[] = [];
    const login: LoginItems = { getOpenAtLogin: () => open, setOpenAtLogin: (value) => calls.push(value) };
    return { login, calls };
  };

  it('starts kiosk and display with the session; the workstation only when asked', () => {
    const kiosk = items(false);
    expect(applyStartAtLogin(kiosk.login, 'kiosk', {})).toBe(true);
    expect(kiosk.calls).toEqual([true]);
    const desk = items(false);
    expect(applyStartAtLogin(desk.login, 'workstation', {})).toBe(false);
    expect(desk.calls).toEqual([]);
    const asked = items(false);
    applyStartAtLogin(asked.login, 'workstation', { startAtLogin: true });
    expect(asked.calls).toEqual([true]);
    const off = items(true);
    applyStartAtLogin(off.login, 'display', { startAtLogin: false });
    expect(off.calls).toEqual([false]);
  });

  it('builds the screen URL with the device token', () => {
    expect(screenUrl('kiosk', 'https://10.0.0.2:8443', 'tok en')).toBe(
      'https://10.0.0.2:8443/kiosk/?device=tok+en',
    );
    expect(screenUrl('display', 'https://10.0.0.2:8443', undefined)).toBe('https://10.0.0.2:8443/display/');
  });
});
