/** Where a visitor is in the building, in words reception staff read at a glance. */
import type { CentreConfig, QueueRef, VisitDto } from '@gfa/shared';
import { AWAY_LABEL, labels } from '../store.js';

export interface Whereabouts {
  /** The step under way or awaited ("Consultation médicale"), or "—". */
  readonly step: string;
  /** Who has the visitor now, or whom they wait for ("Dr Luc Garnier", "Infirmier"). */
  readonly who: string;
}

function queueLabel(queue: QueueRef, config: CentreConfig | null): string {
  const l = labels(config);
  if (queue.kind === 'professional') return l.professional(queue.professionalId);
  if (queue.kind === 'category') return l.category(queue.categoryId);
  if (queue.kind === 'reason') return l.reason(queue.reasonId);
  return 'accueil';
}

export function whereabouts(visit: VisitDto, config: CentreConfig | null): Whereabouts {
  const l = labels(config);
  const active = visit.steps.find((s) => s.status === 'in_care' || s.status === 'called');
  if (active) return { step: active.label, who: l.professional(active.professionalId) };
  if (visit.state === 'away' && visit.away)
    return { step: `Absent : ${AWAY_LABEL[visit.away.reason]}`, who: '—' };
  if (visit.state === 'waiting') {
    // Only the steps open now (their prerequisites done): what the visitor actually waits for.
    const finished = new Set(
      visit.steps.filter((s) => s.status === 'done' || s.status === 'skipped').map((s) => s.key),
    );
    const next = visit.steps
      .filter((s) => s.status === 'todo' && s.after.every((key) => finished.has(key)))
      .map((s) => s.label);
    const who = visit.offer
      ? l.professional(visit.offer.professionalId)
      : visit.queues.map((q) => queueLabel(q, config));
    return {
      step: next.join(', ') || '—',
      who: Array.isArray(who) ? who.join(', ') || '—' : who,
    };
  }
  return { step: '—', who: '—' };
}

/** In the building now: arrived and not yet gone. */
export const inBuilding = (visit: VisitDto): boolean =>
  ['arrived', 'waiting', 'called', 'in_care', 'away'].includes(visit.state);
