/**
 * The estimated wait per category under the calls (issue 17, item 4), when
 * the administrator turned it on: category labels and minutes, never a name.
 * Refreshed every minute; hidden when the server cannot say.
 */
import type { CategoryWaitsDto } from '@gfa/shared';
import { usePolled } from '@gfa/shared/ui';
import { rememberedConfig } from './display-config.js';

const REFRESH_MS = 60_000;

export interface CategoryWaitsProps {
  readonly enabled: boolean;
  readonly load: () => Promise<CategoryWaitsDto>;
}

/** « moins de 5 min », « ~15 min » (to 5 min), « ~1 h 15 » (to the quarter): never « 0 min ». */
export function waitLabel(minutes: number): string {
  if (minutes < 5) return 'moins de 5 min';
  const fives = Math.round(minutes / 5) * 5;
  if (fives < 60) return `~${fives} min`;
  const quarters = Math.round(minutes / 15);
  const rest = (quarters % 4) * 15;
  return `~${Math.floor(quarters / 4)} h${rest > 0 ? ` ${rest}` : ''}`;
}

export function CategoryWaits({ enabled, load }: CategoryWaitsProps) {
  const waits = usePolled(enabled ? load : null, REFRESH_MS)?.categories ?? [];
  if (!enabled || waits.length === 0) return null;
  const labels = new Map(rememberedConfig(localStorage)?.categories.map((c) => [c.id, c.label]) ?? []);
  return (
    <aside className="display-waits" aria-label="Attente estimée">
      <h2>Attente estimée</h2>
      <ul>
        {waits
          .filter((w) => labels.has(w.categoryId))
          .map((w) => (
            <li key={w.categoryId} data-testid={`wait-${w.categoryId}`}>
              <span>{labels.get(w.categoryId)}</span> <strong>{waitLabel(w.waitMinutes)}</strong>
            </li>
          ))}
      </ul>
    </aside>
  );
}
