/** The kiosk's state: one visitor at a time, cleared on every reset. */
import { create } from 'zustand';
import type { CheckinRequest, Instruction } from '@gfa/shared';

export type Screen = 'home' | 'name' | 'birth' | 'result' | 'satisfaction' | 'thanks';

export interface KioskState {
  screen: Screen;
  lastName: string;
  birthDigits: string;
  result: {
    outcome: 'recognised' | 'reception';
    instruction: Instruction;
    callInMinutes?: number | null;
  } | null;
  busy: boolean;
  /** The convocation scanned on the satisfaction screen, to link the answer to the visit. */
  satisfactionReference: string | null;
  /** What the kiosk says once the satisfaction answer is sent (thanks, or why not). */
  thanks: string;
  go(screen: Screen): void;
  type(key: string): void;
  erase(): void;
  show(result: KioskState['result']): void;
  setBusy(busy: boolean): void;
  scanned(reference: string): void;
  thank(message: string): void;
  reset(): void;
}

const blank = {
  screen: 'home' as Screen,
  lastName: '',
  birthDigits: '',
  result: null,
  busy: false,
  satisfactionReference: null,
  thanks: '',
};

export const useKiosk = create<KioskState>((set) => ({
  ...blank,
  go: (screen) => set({ screen }),
  type: (key) =>
    set((s) =>
      s.screen === 'birth'
        ? { birthDigits: (s.birthDigits + key).slice(0, 8) }
        : { lastName: (s.lastName + key).slice(0, 40) },
    ),
  erase: () =>
    set((s) =>
      s.screen === 'birth'
        ? { birthDigits: s.birthDigits.slice(0, -1) }
        : { lastName: s.lastName.slice(0, -1) },
    ),
  show: (result) => set({ result, screen: 'result', busy: false }),
  setBusy: (busy) => set({ busy }),
  scanned: (reference) => set({ satisfactionReference: reference }),
  thank: (thanks) => set({ thanks, screen: 'thanks', busy: false }),
  reset: () => set({ ...blank }),
}));

/** "12041961" → "1961-04-12", or null when not a real date. */
export function birthDateOf(digits: string): string | null {
  if (!/^\d{8}$/.test(digits)) return null;
  const iso = `${digits.slice(4)}-${digits.slice(2, 4)}-${digits.slice(0, 2)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : null;
}

export const newRequest = (by: CheckinRequest['by']): CheckinRequest => ({
  idempotencyKey: crypto.randomUUID(),
  by,
});
