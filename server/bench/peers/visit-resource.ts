/**
 * The REST resource the peers' screens read: the day's visits from the real
 * GFA server, each screen over its own HTTPS connection as a browser tab
 * would. What a screen "shows" of the benchmarked action is the consultant's
 * number of calls (a recall adds one).
 */
import { Agent, request } from 'undici';
import type { VisitDto } from '@gfa/shared';

export const callsOf = (visit: VisitDto | undefined): number =>
  (visit?.steps ?? []).reduce((sum, step) => sum + step.callCount, 0);

export interface VisitResource {
  /** Fetches `/api/visits` and returns the benchmarked consultant's number of calls. */
  fetchCalls(): Promise<number>;
  close(): Promise<void>;
}

export function visitResource(baseUrl: string, ca: string, token: string, visitId: string): VisitResource {
  const dispatcher = new Agent({ connect: { ca }, connections: 1 });
  return {
    async fetchCalls() {
      const res = await request(`${baseUrl}/api/visits`, {
        headers: { authorization: `Bearer ${token}` },
        dispatcher,
      });
      const body = (await res.body.json()) as { visits: VisitDto[] };
      if (res.statusCode !== 200) throw new Error(`GET /api/visits: ${res.statusCode}`);
      return callsOf(body.visits.find((v) => v.id === visitId));
    },
    close: () => dispatcher.close(),
  };
}

/** One benchmarked action on the real server; resolves with the call count the screens must reach. */
export type Action = () => Promise<number>;

/**
 * What each screen currently shows (the call count), and a wait for the
 * moment every screen shows at least a given count — woken by updates, not
 * by spinning, so the bench process leaves the CPU to the servers.
 */
export class Screens {
  private readonly shown: number[];
  private waiter: { expected: number; done: () => void } | null = null;

  constructor(count: number, initial: number) {
    this.shown = new Array<number>(count).fill(initial);
  }

  show(screen: number, calls: number): void {
    this.shown[screen] = Math.max(this.shown[screen] ?? 0, calls);
    const waiter = this.waiter;
    if (waiter && this.shown.every((c) => c >= waiter.expected)) {
      this.waiter = null;
      waiter.done();
    }
  }

  showing(screen: number): number {
    return this.shown[screen] ?? 0;
  }

  allShow(expected: number): Promise<void> {
    if (this.shown.every((c) => c >= expected)) return Promise.resolve();
    return new Promise((done) => (this.waiter = { expected, done }));
  }
}
