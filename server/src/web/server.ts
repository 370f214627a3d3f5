/**
 * Composition of the queue server: database (migrations first), certificate,
 * queue service, Fastify over HTTPS with the routes of the shared table, and
 * the WebSocket hub on the same port.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server as TlsServer } from 'node:tls';
import { z } from 'zod';
import {
  buildOpenApiDocument,
  principalHasAccess,
  routes,
  validationSentence,
  type Principal,
  type RouteId,
  type RouteSpec,
} from '@gfa/shared';
import { databaseFile, openDatabase, type Db } from '../db/database.js';
import { watchForeignWrites } from '../db/foreign-writes.js';
import { lastSeq } from '../db/journal-store.js';
import { ChainMonitor, journalSequence } from '../audit/chain-monitor.js';
import { dataJobs } from '../jobs/data-jobs.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { ensureCertificate } from '../security/tls.js';
import { startSessionSweep } from '../security/session-sweep.js';
import { principalOf, type SessionCheck } from '../security/sessions.js';
import { readSetting } from '../db/settings-store.js';
import { QueueService } from '../service/queue-service.js';
import { ApiFailure } from './api-failure.js';
import { SESSION_COOKIE, tokenFrom } from './principal-context.js';
import { createHandlers } from './rest-handlers.js';
import type { RequestContext } from './handler-types.js';
import { integrationOfKey } from '../integrations/integration-store.js';
import { serveMedia, listMedia } from './media.js';
import { refuseCrossOriginWrites } from './cross-origin.js';
import { registerSecurityHeaders, sameOriginUpgrade } from './security-headers.js';
import { encodedReply, serializeReply } from './shared-payload.js';
import { serveApps } from './static-apps.js';
import { serveAuthority } from './tls-authority.js';
import { TLS_POLICY } from './tls-policy.js';
import { guardTransport, guardUpgradeSocket } from './transport-guards.js';
import type { WsLimits } from './ws-guards.js';
import { WsHub } from './ws-hub.js';
import { receptionAlertsOf } from '../db/reception-alert-store.js';
import { onConfigurationChange } from '../db/record-change.js';
import { importCommitted } from '../import/commit-turn.js';

export const SERVER_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface ServerOptions {
  readonly dataDir: string;
  readonly host?: string;
  readonly port?: number;
  readonly now?: () => number;
  readonly logger?: boolean;
  /** Runs on the migrated database before the queue service loads the day (e.g. the demo centre). */
  readonly seed?: (db: Db, now: number) => Promise<void>;
  /** Extra routes (static apps, discovery...) registered by the caller. */
  readonly extend?: (app: FastifyInstance) => Promise<void> | void;
  /** WebSocket limits other than the defaults (tests of the limits themselves). */
  readonly wsLimits?: Partial<WsLimits>;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  /** SHA-256 of the server's CA certificate: what the shells pin. */
  readonly fingerprint256: string;
  readonly service: QueueService;
  /** Renews the server certificate if due and hands it to new connections; true when renewed. */
  refreshCertificate(at?: Date): Promise<boolean>;
  close(): Promise<void>;
}

const BODY_LIMIT = 256 * 1024;
const CERTIFICATE_CHECK_MS = 12 * 3600_000;

/** French for the user (the field's French name), the full detail for the log. */
function validationFailure(where: string, error: z.ZodError): ApiFailure {
  return new ApiFailure('bad_request', validationSentence(error, where), z.prettifyError(error));
}

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, where: string): T | undefined {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationFailure(where, result.error);
  return result.data;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const now = options.now ?? Date.now;
  const database = openDatabase(databaseFile(options.dataDir));
  // Certificates follow the real clock (what TLS clients check), not a simulated service clock.
  const certificate = await ensureCertificate(options.dataDir);
  await options.seed?.(database.db, now());
  const service = new QueueService(database.db, now);
  // The server's writes take turns with an import worker's commit (`import/commit-turn.ts`).
  const writeTurn = () => importCommitted(database.sqlite.name);
  const jobs = new JobRegistry(
    database.db,
    now,
    dataJobs({
      db: database.db,
      sqlite: database.sqlite,
      dataDir: options.dataDir,
      service,
      settings: () => readSetting(database.db, 'dataSettings'),
      writeTurn,
    }),
    writeTurn,
  );
  await jobs.start();
  const chain = new ChainMonitor(database.db, journalSequence(database.sqlite));
  chain.start();
  const sessionCheck = (activity = true): SessionCheck => ({
    idleMs: readSetting(database.db, 'securitySettings').idleMinutes * 60_000,
    activity,
    stamp: writeTurn() === undefined,
  });
  const authenticate = (token: string, activity = true): Principal | null =>
    principalOf(database.db, token, now(), sessionCheck(activity))?.principal ?? null;

  const handlers = createHandlers({
    db: database.db,
    sqlite: database.sqlite,
    service,
    version: SERVER_VERSION,
    openapi: buildOpenApiDocument(SERVER_VERSION),
    media: () => listMedia(options.dataDir),
    onReceptionAlert: (entry, alert) => hub.publishReceptionAlert(entry, alert),
    onJournal: (entry) => hub.publishJournal(entry),
    dataDir: options.dataDir,
    jobs,
    disconnect: (who) => hub.disconnect(who),
    sessionCheck,
    chain,
  });

  const app = Fastify({
    https: { key: certificate.key, cert: certificate.cert, ...TLS_POLICY },
    bodyLimit: BODY_LIMIT,
    // A stop (update, restart) must not wait on the browsers' keep-alive connections.
    forceCloseConnections: true,
    // Logs carry ids and codes only: request bodies (names) are never logged.
    logger: options.logger
      ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] }
      : false,
  });
  app.setReplySerializer(serializeReply);
  // Declared before the handlers' callbacks first run (on requests), once the logger exists.
  const hub = new WsHub({
    service,
    authenticate,
    serverVersion: SERVER_VERSION,
    startSeq: lastSeq(database.db),
    log: app.log,
    receptionAlerts: () => receptionAlertsOf(database.db, service.state().day),
    ...(options.wsLimits ? { limits: options.wsLimits } : {}),
  });
  // Every committed configuration change (recordChange): the queue service re-reads it, screens follow.
  const stopChangeFeed = onConfigurationChange(database.db, (entry) => {
    service.reloadConfig();
    hub.publishConfigChanged(entry);
  });
  guardTransport(app.server, app.log);
  await app.register(fastifyCookie);
  await registerSecurityHeaders(app);
  refuseCrossOriginWrites(app);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof ApiFailure) {
      request.log.info({ code: error.code, detail: error.message }, 'request refused');
      return reply.status(error.status).send({ error: { code: error.code, message: error.userMessage } });
    }
    const status = (error as { statusCode?: number }).statusCode ?? 500;
    if (status === 413) {
      return reply
        .status(413)
        .send({ error: { code: 'payload_too_large', message: 'Requête trop volumineuse.' } });
    }
    if (status >= 400 && status < 500) {
      return reply
        .status(400)
        .send({ error: { code: 'bad_request', message: 'Requête invalide : format incorrect.' } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send({ error: { code: 'internal', message: 'Erreur interne du serveur.' } });
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: 'Adresse inconnue.' } }),
  );

  const principalFrom = (request: FastifyRequest): { principal: Principal | null; token: string | null } => {
    const token = tokenFrom(request.headers, request.cookies);
    return { token, principal: token ? authenticate(token) : null };
  };

  for (const [id, spec] of Object.entries(routes) as [RouteId, RouteSpec][]) {
    app.route({
      method: spec.method,
      url: spec.path,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (request, reply) => {
        // During an import worker's commit, a write waits for its end without holding the event loop.
        if (spec.method !== 'GET') await writeTurn();
        const { principal, token } = principalFrom(request);
        const integration =
          spec.access === 'integration' && token ? integrationOfKey(database.db, token, now()) : null;
        if (spec.access === 'integration' ? !integration : !principalHasAccess(principal, spec.access)) {
          throw principal
            ? new ApiFailure('forbidden', "Vous n'avez pas les droits pour cette action.")
            : new ApiFailure('unauthenticated', 'Connexion requise.');
        }
        const ctx = {
          principal,
          integration,
          token,
          ip: request.ip,
          params: parsePart(spec.params, request.params, 'adresse') ?? {},
          query: parsePart(spec.query, request.query, 'paramètres') ?? {},
          body: parsePart(spec.body, request.body, 'contenu'),
          reply,
        } as RequestContext<typeof id>;
        const handler = handlers[id] as (c: typeof ctx) => unknown;
        return encodedReply(await handler(ctx), request.headers['accept-encoding'], (name, value) =>
          reply.header(name, value),
        );
      },
    });
  }

  serveAuthority(app, certificate.caCert);
  await serveApps(app);
  await serveMedia(app, options.dataDir);
  await options.extend?.(app);

  app.server.on('upgrade', (request, socket, head) => {
    guardUpgradeSocket(socket, app.log);
    if (new URL(request.url ?? '/', 'https://gfa').pathname !== '/ws') return socket.destroy();
    if (!sameOriginUpgrade(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const cookies = app.parseCookie(request.headers.cookie ?? '');
    hub.handleUpgrade(request, socket, head, cookies[SESSION_COOKIE] ?? null);
  });

  await app.listen({ host: options.host ?? '0.0.0.0', port: options.port ?? 8443 });
  const refreshCertificate = async (at = new Date()): Promise<boolean> => {
    const renewed = await ensureCertificate(options.dataDir, at);
    if (renewed.renewed) {
      (app.server as unknown as TlsServer).setSecureContext({ key: renewed.key, cert: renewed.cert });
      app.log.info({ validTo: renewed.validTo.toISOString() }, 'server certificate renewed');
    }
    return renewed.renewed;
  };
  // A `gfa import` (or `gfa user add`) run at the console reaches today's screens within a second.
  const stopWatching = watchForeignWrites(database.sqlite, () => {
    try {
      service.reloadConfig();
      service.syncAppointments();
    } catch (error) {
      app.log.error({ err: error }, 'could not reload what another process wrote');
    }
  });
  // Twice a day: a box running for months renews before expiry and follows a DHCP address change.
  const renewTimer = setInterval(() => void refreshCertificate(), CERTIFICATE_CHECK_MS);
  renewTimer.unref();
  const stopSessionSweep = startSessionSweep(database.db, now, undefined, writeTurn);
  const port = (app.server.address() as AddressInfo).port;
  const shownHost = !options.host || options.host === '0.0.0.0' ? 'localhost' : options.host;
  return {
    url: `https://${shownHost}:${port}`,
    port,
    fingerprint256: certificate.fingerprint256,
    service,
    refreshCertificate,
    close: async () => {
      clearInterval(renewTimer);
      stopSessionSweep();
      stopChangeFeed();
      stopWatching();
      await jobs.stop();
      await chain.stop();
      await hub.close();
      await app.close();
      database.close();
    },
  };
}
