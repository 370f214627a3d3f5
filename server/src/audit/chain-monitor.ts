/**
 * The audit banner's verdict on the hash chain, without re-walking years of journal inside a search. Each search
 * verifies at once the records written since the last intact point (which it then moves forward) and starts a
 * full walk in the background (one at a time), in slices that give the event loop back between them; a break that
 * walk finds is what the banner shows from then on (a small journal's walk is over before the next search). The last intact point is kept in the settings: after a restart a search answers quickly
 * while the first full walk is still under way. `gfa audit verify` walks everything, synchronously.
 */
import type { AuditPage } from '@gfa/shared';
import type { Db } from '../db/database.js';
import { readSetting, writeSetting } from '../db/settings-store.js';
import { CHAIN_START, walkJournal, type ChainCheck, type ChainPoint } from '../db/journal-chain.js';

/** Records per slice of the background walk: a few milliseconds of hashing each. */
const SLICE_RECORDS = 1000;

type Sequence = () => number | null;

export const toChain = (check: ChainCheck): AuditPage['chain'] =>
  check.ok
    ? { ok: true, records: check.records, reason: null }
    : { ok: false, records: 0, reason: check.reason };

/** SQLite's AUTOINCREMENT counter of the journal: shows records removed from its end. */
export function journalSequence(sqlite: { prepare(sql: string): { get(): unknown } }): Sequence {
  const statement = sqlite.prepare("select seq from sqlite_sequence where name = 'events'");
  return () => (statement.get() as { seq: number } | undefined)?.seq ?? null;
}

export class ChainMonitor {
  private checkpoint: ChainPoint;
  /** A break found by a full walk stays shown: what is altered stays altered. */
  private broken: ChainCheck | null = null;
  private walking: Promise<ChainCheck> | null = null;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly sequence: Sequence,
  ) {
    this.checkpoint = readSetting(db, 'journal.chainCheckpoint') ?? CHAIN_START;
  }

  /** The banner: the records since the last intact point are verified now, the older ones by the last full walk. */
  status(): AuditPage['chain'] {
    void this.fullWalk();
    if (this.broken) return toChain(this.broken);
    const walk = walkJournal(this.db, this.checkpoint, this.sequence());
    if (!walk.check.ok) return toChain(walk.check);
    this.remember(walk.reached);
    return toChain(walk.check);
  }

  /** Walks the whole chain from its first record, a slice at a time; one walk at a time. */
  fullWalk(): Promise<ChainCheck> {
    this.walking ??= this.walkInSlices().finally(() => {
      this.walking = null;
    });
    return this.walking;
  }

  /** The first full walk, at start: the checkpoint may be days old. */
  start(): void {
    void this.fullWalk();
  }

  /** Ends a walk under way at its next slice: the database is about to close. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.walking;
  }

  private async walkInSlices(): Promise<ChainCheck> {
    let point = CHAIN_START;
    for (;;) {
      // First yield, then walk a slice: the request that started the walk is answered before it.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.stopped) return { ok: true, records: point.seq };
      const walk = walkJournal(this.db, point, this.sequence(), SLICE_RECORDS);
      if (!walk.check.ok) {
        this.broken = walk.check;
        return walk.check;
      }
      point = walk.reached;
      if (walk.done) {
        this.broken = null;
        this.remember(point);
        return walk.check;
      }
    }
  }

  private remember(point: ChainPoint): void {
    if (point.seq === this.checkpoint.seq) return;
    this.checkpoint = point;
    writeSetting(this.db, 'journal.chainCheckpoint', point);
  }
}
