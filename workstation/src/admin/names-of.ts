/** Ids → names people know (professionals, reasons, categories, rooms, today's consultants). */
import type { CentreConfig, VisitDto } from '@gfa/shared';
import type { NameOf } from './audit-labels.js';

export function namesOf(config: CentreConfig | null, visits: Record<string, VisitDto>): NameOf {
  const names = new Map<string, string>();
  for (const r of config?.rooms ?? []) names.set(r.id, r.label);
  for (const c of config?.categories ?? []) names.set(c.id, c.label);
  for (const r of config?.reasons ?? []) names.set(r.id, r.label);
  for (const p of config?.professionals ?? []) names.set(p.id, p.displayName);
  for (const v of Object.values(visits))
    names.set(
      v.id,
      `${v.identity.civility} ${v.identity.lastName.toUpperCase()} ${v.identity.firstName}`.trim(),
    );
  return (id) => names.get(id);
}
