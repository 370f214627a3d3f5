/**
 * Inside the GFA Poste shell, the page reports how many consultants wait in
 * this professional's own queue; the shell decides (shared/shell/policies/
 * workstation.ts) when that is news: native notification, taskbar flash,
 * overlay badge, sound — even with the window hidden in the tray.
 */
import type { DeskViewDto } from '@gfa/shared';

interface DeskBridge {
  notifyAssigned(count: number, text: string): Promise<unknown>;
}

export const deskBridge = (): DeskBridge | null => (globalThis as { gfaDesk?: DeskBridge }).gfaDesk ?? null;

/** Assigned to me: waiting in my named queue, or offered to me by automatic assignment. */
export const assignedCount = (view: DeskViewDto | null): number =>
  view ? view.mine.length + view.shared.filter((e) => e.offeredToMe).length : 0;

/** No name leaves the page: the notification says a consultant waits, the window says who. */
export function reportAssigned(view: DeskViewDto | null): void {
  const count = assignedCount(view);
  void deskBridge()?.notifyAssigned(count, count > 0 ? 'Un consultant vous attend dans votre file.' : '');
}
