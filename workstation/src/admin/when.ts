/** "24/11/2026 19:00": a moment as the administration screens show it. */
export const when = (ms: number): string =>
  new Date(ms).toLocaleString('fr-FR', { dateStyle: 'short', timeStyle: 'short' });
