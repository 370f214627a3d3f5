/**
 * The recent events of each topic, kept so that a reconnecting client gets
 * what it missed instead of a full snapshot. One ring per topic: a topic with
 * rare events (config) stays resumable long after the busy ones have rolled
 * over, and each topic's seqs are strictly increasing, so a client's last seq
 * per topic says exactly what it has.
 */
import type { EventPayload, Topic } from '@gfa/shared';

export interface Buffered {
  readonly seq: number;
  readonly topic: Topic;
  readonly payload: EventPayload;
}

export class TopicBuffer {
  private readonly rings = new Map<Topic, Buffered[]>();
  /** Per topic: every message with a seq above this floor is still in the ring. */
  private readonly floors = new Map<Topic, number>();

  constructor(
    private readonly startSeq: number,
    private readonly capacity: number,
  ) {}

  push(message: Buffered): void {
    const ring = this.rings.get(message.topic) ?? [];
    this.rings.set(message.topic, ring);
    ring.push(message);
    if (ring.length > this.capacity) this.floors.set(message.topic, (ring.shift() as Buffered).seq);
  }

  /** Whether the messages of `topic` after `since` are all still here (up to `currentSeq`). */
  resumable(topic: Topic, since: number, currentSeq: number): boolean {
    return since >= (this.floors.get(topic) ?? this.startSeq) && since <= currentSeq;
  }

  /** The messages after each topic's own resume point, merged in seq order. */
  after(since: ReadonlyMap<Topic, number>): Buffered[] {
    const found: Buffered[] = [];
    for (const [topic, seq] of since)
      for (const m of this.rings.get(topic) ?? []) if (m.seq > seq) found.push(m);
    return found.sort((a, b) => a.seq - b.seq);
  }
}
