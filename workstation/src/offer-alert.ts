/**
 * While a consultant is offered to me and I have not acted, the chime
 * repeats (setting « offerChimeRepeatSeconds », 0 = once) and the page
 * title carries the count, so that a background tab or a muted moment does
 * not leave a consultant waiting unnoticed (issue 14, item 8).
 */
import type { DeskViewDto } from '@gfa/shared';
import { playChime } from '@gfa/shared/ui';
import { assignedCount } from './desk-bridge.js';

const BASE_TITLE = typeof document === 'undefined' ? 'GFA' : document.title;
let repeat: ReturnType<typeof setInterval> | null = null;

function stopRepeat(): void {
  if (repeat) clearInterval(repeat);
  repeat = null;
}

/** Called with every new desk view; `chime` is false inside the GFA Poste shell, which rings itself. */
export function updateOfferAlert(view: DeskViewDto | null, repeatSeconds: number, chime: boolean): void {
  const count = assignedCount(view);
  document.title = count > 0 ? `(${count}) ${BASE_TITLE}` : BASE_TITLE;
  const offered = Boolean(
    view && !view.currentVisitId && view.shared.concat(view.mine).some((e) => e.offeredToMe),
  );
  if (!offered || !chime || repeatSeconds <= 0) return stopRepeat();
  // The first chime comes with the offer event; this only repeats it.
  repeat ??= setInterval(playChime, repeatSeconds * 1000);
}

export const stopOfferAlert = (): void => {
  stopRepeat();
  document.title = BASE_TITLE;
};
