import { describe, expect, it } from 'vitest';
import {
  PROTOCOL_VERSION,
  buildOpenApiDocument,
  displayName,
  compatibility,
  parseClientMessage,
  parseServerMessage,
  principalHasAccess,
  routes,
  topicAllowed,
  type CallDto,
  type Principal,
  type Role,
} from '../src/index.js';

const user = (roles: Role[]): Principal => ({
  kind: 'user',
  id: 'u',
  login: 'u',
  displayName: 'U',
  roles,
  professionalId: null,
  categoryIds: [],
});
const kiosk: Principal = { kind: 'device', id: 'k', deviceKind: 'kiosk', name: 'Borne' };
const display: Principal = { kind: 'device', id: 'd', deviceKind: 'display', name: 'TV' };

describe('access rules', () => {
  it('administrator ⊃ supervisor ⊃ user; devices only where named', () => {
    const sup = { principals: ['supervisor'] } as const;
    expect(principalHasAccess(user(['administrator']), sup)).toBe(true);
    expect(principalHasAccess(user(['supervisor']), sup)).toBe(true);
    expect(principalHasAccess(user(['user']), sup)).toBe(false);
    expect(principalHasAccess(user(['administrator']), { principals: ['user'] })).toBe(true);
    expect(principalHasAccess(kiosk, { principals: ['user'] })).toBe(false);
    expect(principalHasAccess(kiosk, routes.checkin.access)).toBe(true);
    expect(principalHasAccess(display, routes.checkin.access)).toBe(false);
    expect(principalHasAccess(null, 'authenticated')).toBe(false);
    expect(principalHasAccess(null, 'public')).toBe(true);
  });

  it('topics: displays get calls only; the board is for supervisors', () => {
    expect(topicAllowed(display, 'calls')).toBe(true);
    expect(topicAllowed(display, 'visits')).toBe(false);
    expect(topicAllowed(kiosk, 'calls')).toBe(false);
    expect(topicAllowed(user(['user']), 'board')).toBe(false);
    expect(topicAllowed(user(['supervisor']), 'board')).toBe(true);
  });
});

describe('messages', () => {
  it('parses a hello and rejects malformed messages', () => {
    const ok = parseClientMessage(
      JSON.stringify({ type: 'hello', protocolVersion: PROTOCOL_VERSION, client: 'display', lastSeq: null }),
    );
    expect(ok.ok).toBe(true);
    expect(parseClientMessage('{').ok).toBe(false);
    expect(parseClientMessage(JSON.stringify({ type: 'subscribe', topics: ['secret'] })).ok).toBe(false);
    expect(
      parseServerMessage(
        JSON.stringify({ type: 'event', seq: 0, topic: 'calls', payload: { kind: 'config.changed' } }),
      ).ok,
    ).toBe(false);
  });

  it('versions are compatible only when equal, and the side behind is named', () => {
    expect(compatibility(PROTOCOL_VERSION)).toBe('compatible');
    expect(compatibility(PROTOCOL_VERSION - 1)).toBe('client_too_old');
    expect(compatibility(PROTOCOL_VERSION + 1)).toBe('server_too_old');
  });

  it('display names by civility or initial', () => {
    const call: CallDto = {
      callId: 'c',
      visitId: 'v',
      at: 0,
      civility: 'Mme',
      initial: 'j',
      lastName: 'Dupont',
      roomLabel: 'Box 1',
      recall: false,
    };
    expect(displayName(call, 'civility')).toBe('Mme DUPONT');
    expect(displayName(call, 'initial')).toBe('J. DUPONT');
    expect(displayName({ ...call, civility: '' }, 'civility')).toBe('DUPONT');
  });
});

describe('OpenAPI', () => {
  it('documents every route of the table', () => {
    const doc = buildOpenApiDocument('1.0.0') as {
      openapi: string;
      paths: Record<string, Record<string, { operationId: string }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.sort()).toEqual(Object.keys(routes).sort());
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
