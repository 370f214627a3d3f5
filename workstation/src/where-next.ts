/**
 * Where a consultant goes once my care is over, as I tell them (annex of
 * the tender: « informer Joël de son lieu d'attente »): the queues of their
 * ready steps, with the room when it is known, reception, or the exit.
 */
import type { CentreConfig, QueueRef, VisitDto } from '@gfa/shared';

export type WhereNext =
  | { readonly kind: 'exit' }
  | { readonly kind: 'reception' }
  | { readonly kind: 'queues'; readonly places: readonly string[] };

/** The room of a professional queue, or of a queue served by one professional only. */
function roomOf(queue: QueueRef, config: CentreConfig): string | null {
  const serving = config.professionals.filter(
    (p) =>
      p.active &&
      ((queue.kind === 'professional' && p.id === queue.professionalId) ||
        (queue.kind === 'category' && p.categoryIds.includes(queue.categoryId)) ||
        (queue.kind === 'reason' && p.reasonIds.includes(queue.reasonId))),
  );
  const only = serving.length === 1 ? serving[0] : undefined;
  return config.rooms.find((r) => r.id === only?.roomId)?.label ?? null;
}

function queueLabel(queue: QueueRef, config: CentreConfig): string {
  switch (queue.kind) {
    case 'professional':
      return config.professionals.find((p) => p.id === queue.professionalId)?.displayName ?? 'Professionnel';
    case 'category':
      return config.categories.find((c) => c.id === queue.categoryId)?.label ?? 'Catégorie';
    case 'reason':
      return config.reasons.find((r) => r.id === queue.reasonId)?.label ?? 'Motif';
    case 'reception':
      return 'Accueil';
  }
}

export function whereNext(visit: VisitDto, config: CentreConfig): WhereNext {
  if (visit.state === 'done' || visit.state === 'left') return { kind: 'exit' };
  if (visit.state === 'arrived' || visit.queues.every((q) => q.kind === 'reception')) {
    return { kind: 'reception' };
  }
  return {
    kind: 'queues',
    places: visit.queues.map((q) => {
      const room = roomOf(q, config);
      return room ? `${queueLabel(q, config)} (${room})` : queueLabel(q, config);
    }),
  };
}
