/**
 * Reloads a public screen that crashed or froze: nobody stands in front of a
 * kiosk or a waiting-room display to press F5. A renderer that exits cleanly
 * (window closing) is left alone.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface Watchdog {
  /** Electron `unresponsive`: reload if it lasts `unresponsiveMs`. */
  unresponsive(): void;
  /** Electron `responsive`: the page recovered, no reload. */
  responsive(): void;
  /** Electron `render-process-gone`. */
  renderGone(reason: string): void;
  stop(): void;
}

export function createWatchdog(options: {
  readonly unresponsiveMs: number;
  readonly timers: Timers;
  readonly reload: (why: string) => void;
}): Watchdog {
  let pending: unknown;
  const cancel = () => {
    if (pending !== undefined) options.timers.clearTimeout(pending);
    pending = undefined;
  };
  return {
    unresponsive() {
      if (pending !== undefined) return;
      pending = options.timers.setTimeout(() => {
        pending = undefined;
        options.reload('unresponsive');
      }, options.unresponsiveMs);
    },
    responsive: cancel,
    renderGone(reason) {
      cancel();
      if (reason !== 'clean-exit') options.reload(`render-process-gone:${reason}`);
    },
    stop: cancel,
  };
}
