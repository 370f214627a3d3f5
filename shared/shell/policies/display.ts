/**
 * Waiting-room display: full screen on the monitor the installer chose (by
 * Electron display id, or by index when ids change across reboots), the
 * primary one when that monitor is absent; the screen never sleeps.
 */
export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DisplayInfo {
  readonly id: number;
  readonly bounds: Rectangle;
}

export function pickDisplay<D extends DisplayInfo>(
  displays: readonly D[],
  primary: D,
  wanted: { readonly monitorId?: number; readonly monitorIndex?: number },
): D {
  if (wanted.monitorId !== undefined) {
    const byId = displays.find((display) => display.id === wanted.monitorId);
    if (byId) return byId;
  }
  if (wanted.monitorIndex !== undefined) {
    // Index in reading order (left to right, then top to bottom), stable when ids are not.
    const ordered = [...displays].sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
    const byIndex = ordered[wanted.monitorIndex];
    if (byIndex) return byIndex;
  }
  return primary;
}

export function displayWindowOptions(display: DisplayInfo) {
  return {
    ...display.bounds,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
  } as const;
}

export const DISPLAY_POWER_SAVE = 'prevent-display-sleep' as const;
