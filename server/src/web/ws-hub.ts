/**
 * The WebSocket hub: hello → welcome → subscribe; pushes typed events with
 * the journal's sequence numbers; a reconnecting client gets what it missed
 * (from per-topic ring buffers) or a fresh snapshot. Displays only ever get
 * CallDtos. A peer is held to its rights (re-checked when they change), to a
 * message budget and to a send-buffer limit; a malformed frame closes its
 * socket only.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import {
  PROTOCOL_VERSION,
  WS_CLOSE,
  compatibility,
  parseClientMessage,
  topicAllowed,
  type DeskViewDto,
  type EventPayload,
  type Id,
  type JournalEntry,
  type Principal,
  type ReceptionAlert,
  type ServerMessage,
  type SnapshotData,
  type Topic,
} from '@gfa/shared';
import type { Committed, QueueService } from '../service/queue-service.js';
import { board, deskView, deskViews, recentCalls, toCallDto, toVisitDto } from '../service/read-models.js';
import { TopicBuffer } from './topic-buffer.js';
import { DEFAULT_WS_LIMITS, MessageBudget, type WsLimits } from './ws-guards.js';

interface Client {
  /** A number for the logs, which never carry names. */
  readonly id: number;
  readonly socket: WebSocket;
  readonly cookieToken: string | null;
  readonly budget: MessageBudget;
  token: string | null;
  principal: Principal | null;
  /** Where each topic resumes from, as the hello said (filled only for a reconnection). */
  resumeFrom: (topic: Topic) => number | null;
  readonly topics: Set<Topic>;
  /** The desk view last pushed to this socket, as JSON: an unchanged one is not sent again. */
  lastDeskView: string | null;
}

type CloseReason = { readonly code: number; readonly reason: string };

/** UTF-8 JSON of a message: `ws` then writes the same bytes to each socket, without re-encoding. */
const encodeMessage = (message: ServerMessage): Buffer => Buffer.from(JSON.stringify(message));

const kindOf = (p: Principal): string => (p.kind === 'device' ? p.deviceKind : p.kind);

/** Roles, desk and device kind decide the topics a screen subscribes to: a change needs a new sign-in. */
function rightsDiffer(before: Principal, after: Principal): boolean {
  if (before.kind === 'device' || after.kind === 'device') return kindOf(before) !== kindOf(after);
  return (
    [...before.roles].sort().join() !== [...after.roles].sort().join() ||
    (before.professionalId === null) !== (after.professionalId === null)
  );
}

export interface HubOptions {
  readonly service: QueueService;
  /** `activity` is false for the periodic re-check, which must not keep an idle session alive. */
  readonly authenticate: (token: string, activity?: boolean) => Principal | null;
  readonly serverVersion: string;
  /** The journal's last seq at start: clients behind it get a snapshot. */
  readonly startSeq: number;
  readonly bufferSize?: number;
  readonly helloTimeoutMs?: number;
  readonly limits?: Partial<WsLimits>;
  readonly log: FastifyBaseLogger;
  /** Today's kiosk alerts for reception (kept in the database across restarts). */
  readonly receptionAlerts: () => ReceptionAlert[];
}

export class WsHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly clients = new Set<Client>();
  private readonly buffer: TopicBuffer;
  private readonly limits: WsLimits;
  private seq: number;
  private nextClientId = 1;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly options: HubOptions) {
    this.seq = options.startSeq;
    this.buffer = new TopicBuffer(options.startSeq, options.bufferSize ?? 2_000);
    this.limits = { ...DEFAULT_WS_LIMITS, ...options.limits };
    // Only reachable through handleUpgrade (noServer), but an unhandled 'error' would stop the process.
    this.wss.on('error', (error) => options.log.warn({ err: error }, 'websocket server error'));
    options.service.onCommitted((c) => this.publishCommitted(c));
    this.heartbeat = setInterval(() => {
      for (const client of this.clients) {
        if (client.socket.readyState !== WebSocket.OPEN) continue;
        client.socket.ping();
        this.recheck(client);
      }
    }, 30_000);
  }

  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, cookieToken: string | null): void {
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws, cookieToken));
  }

  private accept(socket: WebSocket, cookieToken: string | null): void {
    const client: Client = {
      id: this.nextClientId++,
      socket,
      cookieToken,
      budget: new MessageBudget(this.limits, Date.now()),
      token: null,
      principal: null,
      resumeFrom: () => null,
      topics: new Set(),
      lastDeskView: null,
    };
    this.clients.add(client);
    const timer = setTimeout(() => {
      if (!client.principal) this.closeClient(client, WS_CLOSE.badMessage);
    }, this.options.helloTimeoutMs ?? 5_000);
    // A frame `ws` rejects (too big, bad UTF-8, unmasked, reserved opcode...) is reported here; with a
    // listener, `ws` closes that socket with the RFC code (1002/1007/1009) instead of the process dying.
    socket.on('error', (error: Error & { code?: string }) =>
      this.options.log.info({ client: client.id, code: error.code }, 'websocket frame refused'),
    );
    socket.on('close', () => {
      clearTimeout(timer);
      this.clients.delete(client);
    });
    socket.on('message', (data) => {
      if (this.withinBudget(client)) this.onMessage(client, String(data));
    });
    // `ws` answers pings by itself: they are spent from the same budget, and their pongs fill the
    // same send buffer, so a peer that pings without reading is also dropped.
    socket.on('ping', () => {
      if (this.withinBudget(client)) this.keepsUp(client);
    });
  }

  private withinBudget(client: Client): boolean {
    if (client.budget.take(Date.now())) return true;
    this.closeClient(client, WS_CLOSE.tooManyMessages);
    return false;
  }

  /** A peer that does not read would otherwise make the server hold everything it is sent. */
  private keepsUp(client: Client): boolean {
    const { socket } = client;
    if (socket.bufferedAmount <= this.limits.maxBufferedBytes) return true;
    this.options.log.warn(
      { client: client.id, principal: client.principal?.kind, bufferedBytes: socket.bufferedAmount },
      'slow websocket client dropped',
    );
    this.closeClient(client, WS_CLOSE.tooSlow);
    // Its close frame waits behind the unread data: do not keep the buffer for the close timeout.
    setTimeout(() => socket.terminate(), 1_000).unref();
    return false;
  }

  private send(client: Client, message: ServerMessage): void {
    this.sendFrame(client, encodeMessage(message));
  }

  /** A message already encoded once for every client it goes to, sent as a text frame. */
  private sendFrame(client: Client, frame: Buffer): void {
    if (client.socket.readyState === WebSocket.OPEN && this.keepsUp(client))
      client.socket.send(frame, { binary: false });
  }

  /**
   * A session that expired, went idle or was closed elsewhere stops receiving names; an account whose
   * rights changed signs in again; a smaller change (name, categories) applies to the open socket.
   */
  private recheck(client: Client): void {
    if (!client.principal) return;
    const current = client.token ? this.options.authenticate(client.token, false) : null;
    if (!current) return this.closeClient(client, WS_CLOSE.unauthenticated);
    if (rightsDiffer(client.principal, current)) return this.closeClient(client, WS_CLOSE.rightsChanged);
    client.principal = current;
  }

  /**
   * Re-checks at once every open socket of a principal whose sessions or rights just changed
   * (logout, logout everywhere, second factor reset, account edited or deactivated, device revoked).
   */
  disconnect(who: { kind: 'user' | 'device'; id: string }): void {
    for (const client of this.clients)
      if (client.principal?.kind === who.kind && client.principal.id === who.id) this.recheck(client);
  }

  private closeClient(client: Client, reason: CloseReason): void {
    client.socket.close(reason.code, reason.reason);
  }

  private onMessage(client: Client, raw: string): void {
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) return this.closeClient(client, WS_CLOSE.badMessage);
    const message = parsed.value;
    if (message.type === 'hello') {
      // One identity per connection: a second hello could swap a staff session for a device one.
      if (client.principal) return this.closeClient(client, WS_CLOSE.badMessage);
      const versions = compatibility(message.protocolVersion);
      if (versions === 'client_too_old') return this.closeClient(client, WS_CLOSE.clientTooOld);
      if (versions === 'server_too_old') return this.closeClient(client, WS_CLOSE.serverTooOld);
      const token = message.token ?? client.cookieToken;
      const principal = token ? this.options.authenticate(token) : null;
      if (!principal) return this.closeClient(client, WS_CLOSE.unauthenticated);
      client.principal = principal;
      client.token = token;
      const { lastSeq, topicSeqs } = message;
      client.resumeFrom = (topic) => (topicSeqs ? (topicSeqs[topic] ?? null) : lastSeq);
      return this.send(client, {
        type: 'welcome',
        protocolVersion: PROTOCOL_VERSION,
        serverVersion: this.options.serverVersion,
        seq: this.seq,
        principal,
      });
    }
    const principal = client.principal;
    if (!principal) return this.closeClient(client, WS_CLOSE.unauthenticated);
    if (message.type === 'ping') return this.send(client, { type: 'pong' });
    const forbidden = message.topics.filter((t) => !topicAllowed(principal, t));
    if (forbidden.length > 0) {
      this.send(client, {
        type: 'error',
        code: 'forbidden',
        message: `Abonnement refusé : ${forbidden.join(', ')}.`,
      });
      return this.closeClient(client, WS_CLOSE.forbidden);
    }
    // Deduplicated, and only the topics new to this socket: one message cannot ask for many snapshots.
    const added = [...new Set(message.topics)].filter((t) => !client.topics.has(t));
    for (const topic of added) client.topics.add(topic);
    this.send(client, { type: 'subscribed', topics: [...client.topics] });
    this.catchUp(client, added);
  }

  /**
   * Missed events of the topics the buffer still holds, in seq order, then a fresh snapshot of the
   * others (snapshots carry the current seq, so they come last: the socket's seqs never go back).
   */
  private catchUp(client: Client, topics: readonly Topic[]): void {
    const resume = new Map<Topic, number>();
    const fresh: Topic[] = [];
    for (const topic of topics) {
      const since = client.resumeFrom(topic);
      if (topic !== 'desk' && since !== null && this.buffer.resumable(topic, since, this.seq))
        resume.set(topic, since);
      else fresh.push(topic);
    }
    for (const m of this.buffer.after(resume))
      this.send(client, { type: 'event', seq: m.seq, topic: m.topic, payload: m.payload });
    for (const topic of fresh)
      this.send(client, { type: 'snapshot', seq: this.seq, data: this.snapshot(client, topic) });
  }

  private snapshot(client: Client, topic: Topic): SnapshotData {
    const { service } = this.options;
    const state = service.state();
    const config = service.centre();
    switch (topic) {
      case 'calls':
        return { topic, calls: recentCalls(state, config) };
      case 'visits':
        return { topic, visits: Object.values(state.visits).map((v) => toVisitDto(v, config)) };
      case 'desk': {
        const id = client.principal?.kind === 'user' ? client.principal.professionalId : null;
        const desk = id ? deskView(state, config, id, service.now()) : null;
        // The next commit sends this socket its view only if it differs from this one.
        client.lastDeskView = desk && JSON.stringify(desk);
        return { topic, desk };
      }
      case 'board':
        return { topic, board: board(state, config, service.now()) };
      case 'reception':
        return { topic, alerts: this.options.receptionAlerts() };
      case 'config':
        return { topic };
    }
  }

  /** One topic's event: serialised and encoded once, however many sockets it goes to (the live path). */
  private broadcast(seq: number, topic: Topic, payload: EventPayload): void {
    this.buffer.push({ seq, topic, payload });
    let frame: Buffer | null = null;
    for (const client of this.clients) {
      if (!client.topics.has(topic)) continue;
      frame ??= encodeMessage({ type: 'event', seq, topic, payload });
      this.sendFrame(client, frame);
    }
  }

  /**
   * One commit's messages in journal order, each topic at most once per seq: a visit's new state goes
   * out with its last event of the commit, so a client cut off anywhere resumes without a gap.
   */
  private publishCommitted(c: Committed): void {
    const lastSeqOf = new Map<string, number>();
    // A group session's participants share one call: the TV gets it once per commit.
    const callsSent = new Set<string>();
    for (const event of c.events) if (event.visitId) lastSeqOf.set(event.visitId, event.seq);
    for (const event of c.events) {
      this.seq = Math.max(this.seq, event.seq);
      const { seq, ...rest } = event;
      // The board learns of desk changes from their journal entry: a second board message
      // with the same seq could be lost on resume.
      this.broadcast(seq, 'board', { kind: 'journal', entry: { ...rest, seq } });
      if (
        (event.type === 'visit.called' || event.type === 'visit.recalled') &&
        event.visitId &&
        event.stepId
      ) {
        const visit = c.state.visits[event.visitId];
        const call = visit && toCallDto(visit, event.stepId, c.config);
        if (call && !callsSent.has(call.callId)) {
          callsSent.add(call.callId);
          this.broadcast(seq, 'calls', { kind: 'call', call });
        }
      }
      if (event.type === 'visit.offered' && event.visitId && event.professionalId) {
        this.sendToProfessional(event.professionalId, seq, {
          kind: 'offer',
          professionalId: event.professionalId,
          visitId: event.visitId,
        });
      }
      const visit = event.visitId ? c.state.visits[event.visitId] : undefined;
      if (visit && lastSeqOf.get(visit.id) === seq)
        this.broadcast(seq, 'visits', { kind: 'visit.changed', visit: toVisitDto(visit, c.config) });
    }
    const last = c.events.at(-1)?.seq;
    if (last !== undefined) this.pushDeskViews(last);
  }

  private sendToProfessional(professionalId: string, seq: number, payload: EventPayload): void {
    for (const client of this.clients) {
      const p = client.principal;
      if (client.topics.has('desk') && p?.kind === 'user' && p.professionalId === professionalId) {
        this.send(client, { type: 'event', seq, topic: 'desk', payload });
      }
    }
  }

  /**
   * After a commit, every professional watching their desk gets their view (Q-VIEW-3: all of them
   * worked out together, each encoded once); a socket whose view did not change is not sent it.
   */
  private pushDeskViews(seq: number): void {
    const watching = new Map<Client, Id>();
    for (const client of this.clients) {
      const p = client.principal;
      if (client.topics.has('desk') && p?.kind === 'user' && p.professionalId)
        watching.set(client, p.professionalId);
    }
    if (watching.size === 0) return;
    const { service } = this.options;
    const views = deskViews(service.state(), service.centre(), new Set(watching.values()), service.now());
    // Most views are unchanged after a commit: the frame is encoded only for a socket that needs it.
    const encoded = new Map<Id, { text: string; frame: Buffer | null }>();
    for (const [client, professionalId] of watching) {
      const view = views.get(professionalId) as DeskViewDto;
      let entry = encoded.get(professionalId);
      if (!entry) encoded.set(professionalId, (entry = { text: JSON.stringify(view), frame: null }));
      if (client.lastDeskView === entry.text) continue;
      client.lastDeskView = entry.text;
      entry.frame ??= encodeMessage({
        type: 'event',
        seq,
        topic: 'desk',
        payload: { kind: 'desk.view', view },
      });
      this.sendFrame(client, entry.frame);
    }
  }

  /** The kiosk sent someone to reception: alert the reception workstations. */
  publishReceptionAlert(entry: JournalEntry, alert: ReceptionAlert): void {
    this.seq = Math.max(this.seq, entry.seq);
    this.broadcast(entry.seq, 'reception', { kind: 'reception.alert', alert });
    this.broadcast(entry.seq, 'board', { kind: 'journal', entry });
  }

  /** A setting changed: connected clients reload it (changes apply live, without restart). */
  publishConfigChanged(entry: JournalEntry): void {
    this.seq = Math.max(this.seq, entry.seq);
    this.broadcast(entry.seq, 'config', { kind: 'config.changed' });
    this.broadcast(entry.seq, 'board', { kind: 'journal', entry });
  }

  /** A journal entry only the board shows (e.g. an alert acknowledged). */
  publishJournal(entry: JournalEntry): void {
    this.seq = Math.max(this.seq, entry.seq);
    this.broadcast(entry.seq, 'board', { kind: 'journal', entry });
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.socket.terminate();
    await new Promise<void>((done) => this.wss.close(() => done()));
  }
}
