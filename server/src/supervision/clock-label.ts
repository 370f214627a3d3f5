/** HH:MM in the server's (the centre's) local time, as the board's messages write it (« 9h05 » style). */
import type { Millis } from '@gfa/shared';

export function clockLabel(ms: Millis): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}h${String(d.getMinutes()).padStart(2, '0')}`;
}
