/**
 * The shapes every handler area shares: one request's context, the handler
 * table (one function per route of the shared route table) and the
 * dependencies handed to the areas. A leaf module, so that the areas and
 * `rest-handlers.ts`, which assembles them, do not import each other.
 */
import type { FastifyReply } from 'fastify';
import type { ChainMonitor } from '../audit/chain-monitor.js';
import type Database from 'better-sqlite3';
import type { Principal, RouteBody, RouteId, RouteParams, RouteQuery, RouteResponse } from '@gfa/shared';
import type { Integration, JournalEntry, MediaList, ReceptionAlert } from '@gfa/shared';
import type { Db } from '../db/database.js';
import type { QueueService } from '../service/queue-service.js';
import type { JobRegistry } from '../jobs/job-registry.js';
import type { SessionCheck } from '../security/sessions.js';

export interface RequestContext<R extends RouteId> {
  readonly principal: Principal | null;
  /** The agenda integration whose API key opened an `integration` route (null elsewhere). */
  readonly integration: Integration | null;
  readonly token: string | null;
  readonly ip: string;
  readonly params: RouteParams<R>;
  readonly query: RouteQuery<R>;
  readonly body: RouteBody<R>;
  readonly reply: FastifyReply;
}

export type Handlers = {
  [R in RouteId]: (ctx: RequestContext<R>) => Promise<RouteResponse<R>> | RouteResponse<R>;
};

export interface HandlerDeps {
  readonly db: Db;
  /** The raw connection, for the full export that reads every table. */
  readonly sqlite: Database.Database;
  readonly service: QueueService;
  readonly version: string;
  readonly openapi: Record<string, unknown>;
  readonly media: () => MediaList;
  readonly onReceptionAlert: (entry: JournalEntry, alert: ReceptionAlert) => void;
  /** Other journal entries the board shows live (acknowledgements). */
  readonly onJournal: (entry: JournalEntry) => void;
  /** The data directory (backup passphrase file) and the scheduled jobs. */
  readonly dataDir: string;
  readonly jobs: JobRegistry;
  /**
   * Re-checks at once the open WebSockets of a principal whose sessions or rights changed: closed
   * when the session ended, asked to sign in again when the roles changed.
   */
  readonly disconnect: (who: { kind: 'user' | 'device'; id: string }) => void;
  /** The session rules in force (idle timeout), read per request so a change applies at once. */
  readonly sessionCheck: () => SessionCheck;
  /** The audit banner's chain verdict, kept up to date without a full walk per search. */
  readonly chain: ChainMonitor;
}
