/** The display's state: the call on screen, the announcements waiting their turn, the last calls. */
import { create } from 'zustand';
import type { CallDto, DisplaySettings } from '@gfa/shared';
import type { LinkStatus } from '@gfa/shared/client';
import type { Playlist } from './playlist-cache.js';

/** As many as fit at a size read from 5 m (≥ 60 px at 1080p), name and room on two lines. */
const KEEP = 4;

export interface DisplayState {
  status: LinkStatus;
  current: CallDto | null;
  pending: CallDto[];
  history: CallDto[];
  playlist: Playlist;
  settings: DisplaySettings;
  setSettings(settings: DisplaySettings): void;
  setPlaylist(playlist: Playlist): void;
  setStatus(status: LinkStatus): void;
  /** The day's latest calls after a (re)connection: listed, not announced again. */
  restore(calls: CallDto[]): void;
  announce(call: CallDto): void;
  /** The current announcement is over: the next one, if any, takes the screen. */
  next(): void;
}

export const useDisplay = create<DisplayState>((set) => ({
  status: 'connecting',
  current: null,
  pending: [],
  history: [],
  playlist: [],
  settings: { speech: false, nameFormat: 'civility' },
  setSettings: (settings) => set({ settings }),
  setPlaylist: (playlist) => set({ playlist }),
  setStatus: (status) => set({ status }),
  restore: (calls) => set({ history: calls.slice(0, KEEP) }),
  announce: (call) =>
    set((s) =>
      s.current
        ? { pending: [...s.pending, call] }
        : {
            current: call,
            history: [call, ...s.history.filter((c) => c.callId !== call.callId)].slice(0, KEEP),
          },
    ),
  next: () =>
    set((s) => {
      const [head, ...rest] = s.pending;
      if (!head) return { current: null };
      return {
        current: head,
        pending: rest,
        history: [head, ...s.history.filter((c) => c.callId !== head.callId)].slice(0, KEEP),
      };
    }),
}));
