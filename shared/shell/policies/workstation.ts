/**
 * Workstation: an ordinary window with a tray icon. When the number of
 * consultants assigned to this desk grows, the staff member is told even if
 * the window is hidden: notification, flashing taskbar, badge, sound. A
 * decrease (someone was called) or the first count after loading is not news.
 */
export const workstationWindowOptions = {
  width: 1366,
  height: 800,
  minWidth: 1024,
  minHeight: 640,
  autoHideMenuBar: true,
  show: true,
} as const;

export interface NotifyAssigned {
  readonly count: number;
  readonly text: string;
}

/** The payload of `gfaDesk.notifyAssigned(count, text)`, from the page. */
export function parseNotifyAssigned(payload: unknown): NotifyAssigned | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { count, text } = payload as Record<string, unknown>;
  if (!Number.isInteger(count) || (count as number) < 0 || (count as number) > 999) return null;
  if (typeof text !== 'string' || text.length > 200) return null;
  return { count: count as number, text: text.trim() };
}

export interface AssignedDecision {
  /** The count to show on the taskbar/tray (0 clears it). */
  readonly badge: number;
  /** Present when the staff member must be told. */
  readonly notification?: { readonly title: string; readonly body: string };
  readonly flash: boolean;
  readonly sound: boolean;
}

export function createAssignedNotifier(): (update: NotifyAssigned) => AssignedDecision {
  let previous: number | undefined;
  return ({ count, text }) => {
    const increased = previous !== undefined && count > previous;
    previous = count;
    if (!increased) return { badge: count, flash: false, sound: false };
    return {
      badge: count,
      notification: {
        title: count === 1 ? '1 consultant vous est attribué' : `${count} consultants vous sont attribués`,
        body: text || 'Un nouveau consultant vous attend.',
      },
      flash: true,
      sound: true,
    };
  };
}

/** The tray's menu, in French; the runtime binds the ids to actions. */
export const trayMenu = [
  { id: 'show', label: 'Afficher GFA' },
  { id: 'reload', label: 'Recharger' },
  { id: 'quit', label: 'Quitter GFA' },
] as const;

/** Closing the window hides it to the tray, so notifications keep coming; "Quitter" really quits. */
export const onWindowClose = (quitting: boolean): 'hide' | 'close' => (quitting ? 'close' : 'hide');
