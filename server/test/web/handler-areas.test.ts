/** Each route of the shared table is answered by exactly one handler area, checked when the server starts. */
import { describe, expect, it } from 'vitest';
import { routes, type RouteId } from '@gfa/shared';
import type { Handlers } from '../../src/web/handler-types.js';
import { assembleHandlers } from '../../src/web/handler-areas.js';

const ids = Object.keys(routes) as RouteId[];
/** One area answering every route, each handler telling which area it came from. */
const areaAnswering = (name: string, only: readonly RouteId[] = ids): Partial<Handlers> =>
  Object.fromEntries(only.map((id) => [id, () => name])) as Partial<Handlers>;
const answer = (table: Handlers, id: RouteId): unknown => (table[id] as () => unknown)();

describe('handler areas', () => {
  it('assembles areas that share the route table between them', () => {
    const [first, ...rest] = ids as [RouteId, ...RouteId[]];
    const table = assembleHandlers({
      server: areaAnswering('server', [first]),
      queue: areaAnswering('queue', rest) as Handlers,
    });
    expect(Object.keys(table).sort()).toEqual([...ids].sort());
    expect(answer(table, first)).toBe('server');
    expect(answer(table, rest[0] as RouteId)).toBe('queue');
  });

  it('refuses at start a route claimed by two areas, naming the route and both areas', () => {
    expect(() =>
      assembleHandlers({
        queue: areaAnswering('queue') as Handlers,
        groups: areaAnswering('groups', ['callNext']),
      }),
    ).toThrow('route "callNext" is claimed by two handler areas: "queue" and "groups"');
  });

  it('refuses a route left without an area, and a handler for a route the table lacks', () => {
    const [, ...rest] = ids as [RouteId, ...RouteId[]];
    expect(() => assembleHandlers({ queue: areaAnswering('queue', rest) as Handlers })).toThrow(
      `routes without a handler area: ${ids[0]}`,
    );
    expect(() =>
      assembleHandlers({
        queue: areaAnswering('queue') as Handlers,
        stray: { noSuchRoute: () => null } as unknown as Partial<Handlers>,
      }),
    ).toThrow('handler area "stray" claims "noSuchRoute", not in the route table');
  });
});
