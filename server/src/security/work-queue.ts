/**
 * A small queue for argon2 work (64 MiB and about a quarter of a second of both cores each):
 * at most `concurrency` hashes run at once, taken in turn from each lane (a client address),
 * so a flood of logins from one machine delays a login from another by a hash or two, not by
 * the whole flood; a lane that already holds `perLane` jobs is refused at once.
 */
export class QueueFullError extends Error {
  constructor(lane: string) {
    super(`too many password checks waiting for ${lane}`);
  }
}

interface Lane {
  held: number;
  readonly waiting: (() => void)[];
}

export class FairWorkQueue {
  private running = 0;
  /** Insertion order is the turn: a lane that was served goes to the back. */
  private readonly lanes = new Map<string, Lane>();

  constructor(
    private readonly concurrency: number,
    private readonly perLane: number,
  ) {}

  /** Runs `work` in its turn; `capped: false` for the server's own work (seeding, setup), never refused. */
  async run<T>(laneId: string, work: () => Promise<T>, capped = true): Promise<T> {
    const lane = this.lanes.get(laneId) ?? { held: 0, waiting: [] };
    if (capped && lane.held >= this.perLane) throw new QueueFullError(laneId);
    lane.held += 1;
    this.lanes.set(laneId, lane);
    await new Promise<void>((start) => {
      lane.waiting.push(start);
      this.next();
    });
    try {
      return await work();
    } finally {
      this.running -= 1;
      lane.held -= 1;
      if (lane.held === 0) this.lanes.delete(laneId);
      this.next();
    }
  }

  private next(): void {
    if (this.running >= this.concurrency) return;
    for (const [id, lane] of this.lanes) {
      const start = lane.waiting.shift();
      if (!start) continue;
      this.lanes.delete(id);
      this.lanes.set(id, lane);
      this.running += 1;
      start();
      return;
    }
  }
}
