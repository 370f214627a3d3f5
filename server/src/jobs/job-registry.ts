/**
 * Runs the scheduled jobs: each at its daily times, on demand from the
 * administration screen, and once at start when the box was off at its last
 * time (catch-up, in the registry's order: import, nominative export,
 * anonymisation, backup). Every run is journaled (`job.completed` or
 * `job.failed`), which is also where the last run is read from.
 *
 * The schedule is the catch-up rule checked every half minute (an
 * occurrence passed since the last check is run), not cron: node-cron skips
 * a 02:00 job on the spring Sunday, which kept nominative data a day too
 * long, and could run it twice in autumn. A check after the box slept also
 * runs what the sleep skipped.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ActorRef, DailyTime, JobId, JobRun, JobStatus, JobTrigger } from '@gfa/shared';
import type { Db } from '../db/database.js';
import type { WriteTurn } from '../db/tx.js';
import * as t from '../db/schema.js';
import { appendAudit } from '../db/journal-audit.js';
import { nextOccurrence, previousOccurrence } from './daily-schedule.js';

/** What a job did, for the administrator (French) and the journal (counts). */
export interface JobOutcome {
  readonly summary: string;
  readonly counts: Record<string, number>;
}

export interface JobDefinition {
  readonly id: JobId;
  readonly label: string;
  times(): readonly DailyTime[];
  /** Why it cannot run (French), or null. */
  notReady(): string | null;
  run(now: number): Promise<JobOutcome>;
}

const SYSTEM: ActorRef = { kind: 'system', id: 'jobs' };
const CHECK_EVERY_MS = 30_000;

export class JobRegistry {
  private timer: ReturnType<typeof setInterval> | null = null;
  /** Occurrences up to this instant have been run (or were before the start). */
  private checkedUpTo = 0;
  private checking = false;
  private readonly running = new Set<JobId>();

  constructor(
    private readonly db: Db,
    private readonly now: () => number,
    private readonly jobs: readonly JobDefinition[],
    /** A job's writes wait (asynchronously) for an import's commit to end, as the write routes do. */
    private readonly writeTurn: WriteTurn = () => undefined,
  ) {}

  /** Catches up what was missed while the box was off, then schedules every job. */
  async start(): Promise<void> {
    this.checkedUpTo = this.now();
    for (const job of this.jobs) {
      const due = previousOccurrence(job.times(), this.now());
      const last = this.lastRun(job.id)?.at ?? null;
      if (due !== null && (last === null || last < due) && job.notReady() === null) {
        await this.run(job.id, 'catch-up');
      }
    }
    this.schedule();
  }

  async stop(): Promise<void> {
    this.unschedule();
  }

  /** Runs, in the registry's order, every job with an occurrence since the last check. */
  private async check(): Promise<void> {
    // A check still running (a long import) leaves its window to the next check.
    if (this.checking) return;
    this.checking = true;
    try {
      const since = this.checkedUpTo;
      const now = this.now();
      this.checkedUpTo = now;
      for (const job of this.jobs) {
        const due = previousOccurrence(job.times(), now);
        if (due !== null && due > since) await this.run(job.id, 'schedule');
      }
    } finally {
      this.checking = false;
    }
  }

  /** Runs a job now; a job already running is not started twice. */
  async run(id: JobId, trigger: JobTrigger, actor: ActorRef = SYSTEM): Promise<JobStatus> {
    const job = this.job(id);
    if (this.running.has(id)) return this.statusOf(job);
    this.running.add(id);
    const started = this.now();
    try {
      const problem = job.notReady();
      if (problem) throw new Error(problem);
      await this.writeTurn();
      const outcome = await job.run(started);
      await this.writeTurn();
      this.journal('job.completed', actor, { job: id, trigger, summary: outcome.summary, ...outcome.counts });
    } catch (error) {
      // The administrator sees the reason; the journal and the logs carry no names (messages are ours).
      const summary = error instanceof Error ? error.message : String(error);
      await this.writeTurn();
      this.journal('job.failed', actor, { job: id, trigger, summary });
    } finally {
      this.running.delete(id);
    }
    return this.statusOf(job);
  }

  statuses(): JobStatus[] {
    return this.jobs.map((job) => this.statusOf(job));
  }

  private statusOf(job: JobDefinition): JobStatus {
    return {
      id: job.id,
      label: job.label,
      times: [...job.times()],
      notReady: job.notReady(),
      running: this.running.has(job.id),
      lastRun: this.lastRun(job.id),
      nextRun: nextOccurrence(job.times(), this.now()),
    };
  }

  private lastRun(id: JobId): JobRun | null {
    const row = this.db
      .select()
      .from(t.events)
      .where(
        and(
          inArray(t.events.type, ['job.completed', 'job.failed']),
          eq(sql`json_extract(${t.events.data}, '$.job')`, id),
        ),
      )
      .orderBy(desc(t.events.seq))
      .get();
    if (!row) return null;
    return {
      at: row.at,
      ok: row.type === 'job.completed',
      trigger: row.data.trigger as JobTrigger,
      summary: String(row.data.summary ?? ''),
    };
  }

  private journal(
    type: 'job.completed' | 'job.failed',
    actor: ActorRef,
    data: Record<string, unknown>,
  ): void {
    appendAudit(this.db, this.now(), type, actor, data);
  }

  private job(id: JobId): JobDefinition {
    const job = this.jobs.find((j) => j.id === id);
    if (!job) throw new Error(`unknown job ${id}`);
    return job;
  }

  private schedule(): void {
    this.timer ??= setInterval(() => void this.check(), CHECK_EVERY_MS);
    // The check must not keep a CLI or a test process alive.
    this.timer.unref?.();
  }

  private unschedule(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
