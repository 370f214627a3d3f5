/**
 * The WebSocket hub: hello → welcome → subscribe; pushes typed events with
 * the journal's sequence numbers; a reconnecting client gets what it missed
 * (from a ring buffer) or a fresh snapshot. Displays only ever get CallDtos.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import {
  PROTOCOL_VERSION,
  WS_CLOSE,
  isCompatible,
  parseClientMessage,
  topicAllowed,
  type EventPayload,
  type JournalEntry,
  type Principal,
  type ReceptionAlert,
  type ServerMessage,
  type SnapshotData,
  type Topic,
} from '@gfa/shared';
import type { Committed, QueueService } from '../service/queue-service.js';
import { board, deskView, recentCalls, toCallDto, toVisitDto } from '../service/read-models.js';

interface Client {
  readonly socket: WebSocket;
  readonly cookieToken: string | null;
  token: string | null;
  principal: Principal | null;
  lastSeq: number | null;
  readonly topics: Set<Topic>;
}

interface Buffered {
  readonly seq: number;
  readonly topic: Topic;
  readonly payload: EventPayload;
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
  /** Today's kiosk alerts for reception (kept in the database across restarts). */
  readonly receptionAlerts: () => ReceptionAlert[];
}

export class WsHub {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  private readonly clients = new Set<Client>();
  private readonly buffer: Buffered[] = [];
  /** Every message with a seq above this floor is still in the buffer. */
  private floor: number;
  private seq: number;
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly options: HubOptions) {
    this.floor = options.startSeq;
    this.seq = options.startSeq;
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
      socket,
      cookieToken,
      token: null,
      principal: null,
      lastSeq: null,
      topics: new Set(),
    };
    this.clients.add(client);
    const timer = setTimeout(() => {
      if (!client.principal) socket.close(WS_CLOSE.badMessage.code, WS_CLOSE.badMessage.reason);
    }, this.options.helloTimeoutMs ?? 5_000);
    socket.on('close', () => {
      clearTimeout(timer);
      this.clients.delete(client);
    });
    socket.on('message', (data) => this.onMessage(client, String(data)));
  }

  private send(client: Client, message: ServerMessage): void {
    if (client.socket.readyState === WebSocket.OPEN) client.socket.send(JSON.stringify(message));
  }

  /** A session that expired, went idle or was closed elsewhere stops receiving names. */
  private recheck(client: Client): void {
    if (client.principal && (!client.token || !this.options.authenticate(client.token, false)))
      this.closeClient(client, WS_CLOSE.unauthenticated);
  }

  /** Cuts off every connection of a revoked device or a user logged out everywhere. */
  disconnect(who: { kind: 'user' | 'device'; id: string }): void {
    for (const client of this.clients)
      if (client.principal?.kind === who.kind && client.principal.id === who.id)
        this.closeClient(client, WS_CLOSE.unauthenticated);
  }

  private closeClient(client: Client, reason: { code: number; reason: string }): void {
    client.socket.close(reason.code, reason.reason);
  }

  private onMessage(client: Client, raw: string): void {
    const parsed = parseClientMessage(raw);
    if (!parsed.ok) return this.closeClient(client, WS_CLOSE.badMessage);
    const message = parsed.value;
    if (message.type === 'hello') {
      if (!isCompatible(message.protocolVersion)) return this.closeClient(client, WS_CLOSE.incompatible);
      const token = message.token ?? client.cookieToken;
      const principal = token ? this.options.authenticate(token) : null;
      if (!principal) return this.closeClient(client, WS_CLOSE.unauthenticated);
      client.principal = principal;
      client.token = token;
      client.lastSeq = message.lastSeq;
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
    for (const topic of message.topics) client.topics.add(topic);
    this.send(client, { type: 'subscribed', topics: [...client.topics] });
    for (const topic of message.topics) this.catchUp(client, topic);
  }

  /** Missed events when the buffer still holds them, otherwise a fresh snapshot. */
  private catchUp(client: Client, topic: Topic): void {
    const last = client.lastSeq;
    const resumable = topic !== 'desk' && last !== null && last >= this.floor && last <= this.seq;
    if (!resumable)
      return this.send(client, { type: 'snapshot', seq: this.seq, data: this.snapshot(client, topic) });
    for (const m of this.buffer) {
      if (m.seq > last && m.topic === topic)
        this.send(client, { type: 'event', seq: m.seq, topic, payload: m.payload });
    }
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
        return { topic, desk: id ? deskView(state, config, id, service.now()) : null };
      }
      case 'board':
        return { topic, board: board(state, config, service.now()) };
      case 'reception':
        return { topic, alerts: this.options.receptionAlerts() };
      case 'config':
        return { topic };
    }
  }

  private broadcast(seq: number, topic: Topic, payload: EventPayload): void {
    this.buffer.push({ seq, topic, payload });
    const excess = this.buffer.length - (this.options.bufferSize ?? 2_000);
    if (excess > 0) this.floor = (this.buffer.splice(0, excess).at(-1) as Buffered).seq;
    for (const client of this.clients) {
      if (client.topics.has(topic)) this.send(client, { type: 'event', seq, topic, payload });
    }
  }

  private publishCommitted(c: Committed): void {
    const lastSeqOf = new Map<string, number>();
    for (const event of c.events) {
      this.seq = Math.max(this.seq, event.seq);
      const { seq, ...rest } = event;
      this.broadcast(seq, 'board', { kind: 'journal', entry: { ...rest, seq } });
      if (event.visitId) lastSeqOf.set(event.visitId, seq);
      if (
        (event.type === 'visit.called' || event.type === 'visit.recalled') &&
        event.visitId &&
        event.stepId
      ) {
        const visit = c.state.visits[event.visitId];
        const call = visit && toCallDto(visit, event.stepId, c.config);
        if (call) this.broadcast(seq, 'calls', { kind: 'call', call });
      }
      if (event.type === 'visit.offered' && event.visitId && event.professionalId) {
        this.sendToProfessional(event.professionalId, seq, {
          kind: 'offer',
          professionalId: event.professionalId,
          visitId: event.visitId,
        });
      }
      if (event.type === 'desk.changed' && event.professionalId) {
        const desk = c.state.desks[event.professionalId];
        if (desk) this.broadcast(seq, 'board', { kind: 'desk.changed', desk });
      }
    }
    for (const [visitId, seq] of lastSeqOf) {
      const visit = c.state.visits[visitId];
      if (visit) this.broadcast(seq, 'visits', { kind: 'visit.changed', visit: toVisitDto(visit, c.config) });
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

  private pushDeskViews(seq: number): void {
    const { service } = this.options;
    const state = service.state();
    for (const client of this.clients) {
      const p = client.principal;
      if (!client.topics.has('desk') || p?.kind !== 'user' || !p.professionalId) continue;
      const view = deskView(state, service.centre(), p.professionalId, service.now());
      this.send(client, { type: 'event', seq, topic: 'desk', payload: { kind: 'desk.view', view } });
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
