/** WebSocket messages (JSON, validated on both ends) and topic rights. */
import { z } from 'zod';
import { Id, Millis } from '../domain/model.js';
import { JournalEntry } from '../domain/events.js';
import { BoardDto, CallDto, DeskViewDto, VisitDto } from './dto.js';
import { Principal, principalHasAccess, type Access } from './principal.js';

export const ClientKind = z.enum(['kiosk', 'display', 'workstation', 'board', 'bench']);

export const Topic = z.enum(['calls', 'visits', 'desk', 'board', 'reception', 'config']);
export type Topic = z.infer<typeof Topic>;

const TOPIC_ACCESS: Record<Topic, Access> = {
  calls: { principals: ['display', 'user'] },
  visits: { principals: ['user'] },
  desk: { principals: ['user'] },
  board: { principals: ['supervisor'] },
  reception: { principals: ['user'] },
  config: 'authenticated',
};

export function topicAllowed(principal: Principal, topic: Topic): boolean {
  return principalHasAccess(principal, TOPIC_ACCESS[topic]);
}

/** What a workstation subscribes to for its signed-in user (bench:server's workstations do the same). */
export function workstationTopics(principal: Extract<Principal, { kind: 'user' }>): Topic[] {
  const topics: Topic[] = ['visits', 'reception', 'config'];
  if (principal.professionalId) topics.push('desk');
  if (topicAllowed(principal, 'board')) topics.push('board');
  return topics;
}

export const ClientMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('hello'),
    protocolVersion: z.number().int(),
    client: ClientKind,
    /** The last sequence number this client processed, to resume (every topic, when `topicSeqs` is absent). */
    lastSeq: z.number().int().nonnegative().nullable(),
    /**
     * Per topic, the last sequence number processed: one commit sends several topics the same seq,
     * so a connection cut between them would lose messages if resumed from one number.
     */
    topicSeqs: z.partialRecord(Topic, z.number().int().nonnegative()).optional(),
    token: z.string().max(128).optional(),
  }),
  z.object({ type: z.literal('subscribe'), topics: z.array(Topic).min(1) }),
  z.object({ type: z.literal('ping') }),
]);
export type ClientMessage = z.infer<typeof ClientMessage>;

/**
 * A reception alert: someone at the kiosk was sent to reception, with what
 * they typed (staff only: the reception topic is never sent to kiosks or TVs).
 */
export const ReceptionAlert = z.object({
  id: z.number().int().positive(),
  at: Millis,
  kioskId: Id,
  reason: z.enum(['not_found', 'not_routable', 'journey_over']),
  typed: z.object({
    lastName: z.string().nullable(),
    birthDate: z.string().nullable(),
    reference: z.string().nullable(),
  }),
});
export type ReceptionAlert = z.infer<typeof ReceptionAlert>;

export const EventPayload = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('visit.changed'), visit: VisitDto }),
  z.object({ kind: z.literal('call'), call: CallDto }),
  /** My workstation view, pushed to the professional after every change. */
  z.object({ kind: z.literal('desk.view'), view: DeskViewDto }),
  /** A consultant is offered to me: sound + system notification. */
  z.object({ kind: z.literal('offer'), professionalId: Id, visitId: Id }),
  z.object({ kind: z.literal('journal'), entry: JournalEntry }),
  z.object({ kind: z.literal('reception.alert'), alert: ReceptionAlert }),
  z.object({ kind: z.literal('config.changed') }),
]);
export type EventPayload = z.infer<typeof EventPayload>;

export const SnapshotData = z.discriminatedUnion('topic', [
  z.object({ topic: z.literal('calls'), calls: z.array(CallDto) }),
  z.object({ topic: z.literal('visits'), visits: z.array(VisitDto) }),
  z.object({ topic: z.literal('desk'), desk: DeskViewDto.nullable() }),
  z.object({ topic: z.literal('board'), board: BoardDto }),
  z.object({ topic: z.literal('reception'), alerts: z.array(ReceptionAlert) }),
  z.object({ topic: z.literal('config') }),
]);
export type SnapshotData = z.infer<typeof SnapshotData>;

export const ServerMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('welcome'),
    protocolVersion: z.number().int(),
    serverVersion: z.string(),
    seq: z.number().int().nonnegative(),
    principal: Principal,
  }),
  z.object({ type: z.literal('subscribed'), topics: z.array(Topic) }),
  z.object({ type: z.literal('snapshot'), seq: z.number().int().nonnegative(), data: SnapshotData }),
  z.object({
    type: z.literal('event'),
    seq: z.number().int().positive(),
    topic: Topic,
    payload: EventPayload,
  }),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string() }),
  z.object({ type: z.literal('pong') }),
]);
export type ServerMessage = z.infer<typeof ServerMessage>;

/**
 * Typed close codes, with French reasons. Frame-level faults use the RFC 6455 codes
 * (1002 protocol error, 1007 invalid UTF-8, 1009 too big), set by the `ws` library.
 */
export const WS_CLOSE = {
  /** The page is older than the server: reloading it fetches the server's own, compatible, page. */
  clientTooOld: { code: 4000, reason: 'Version incompatible : mettez à jour cette application.' },
  unauthenticated: { code: 4001, reason: 'Connexion requise.' },
  /** The page is newer than the server (an update under way): reloading would not help, retrying later does. */
  serverTooOld: { code: 4002, reason: 'Serveur en cours de mise à jour : nouvelle tentative bientôt.' },
  forbidden: { code: 4003, reason: 'Accès refusé.' },
  /** Invalid JSON, unknown message, or a second `hello` on the same connection. */
  badMessage: { code: 4004, reason: 'Message invalide.' },
  /** The account's roles changed: the screen must sign in again to get the topics of its new rights. */
  rightsChanged: { code: 4005, reason: 'Vos droits ont changé : reconnectez-vous.' },
  /** The client does not read fast enough: its send buffer is full. */
  tooSlow: { code: 4008, reason: 'Connexion trop lente : reconnexion nécessaire.' },
  tooManyMessages: { code: 4029, reason: 'Trop de messages : reconnexion nécessaire.' },
} as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

function parseWith<T>(schema: z.ZodType<T>, raw: string): Parsed<T> {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'invalid JSON' };
  }
  const result = schema.safeParse(json);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: z.prettifyError(result.error) };
}

export const parseClientMessage = (raw: string): Parsed<ClientMessage> => parseWith(ClientMessage, raw);
export const parseServerMessage = (raw: string): Parsed<ServerMessage> => parseWith(ServerMessage, raw);
