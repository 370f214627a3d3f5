/** The shells' paths come from the route table: `routePath` fills and encodes its parameters. */
import { describe, expect, it } from 'vitest';
import { routePath, routes } from '../src/api/index.js';

describe('routePath', () => {
  it('gives the table path of a route without parameter', () => {
    expect(routePath('health')).toBe(routes.health.path);
    expect(routePath('kioskExit')).toBe('/api/kiosk/exit');
  });

  it('fills and encodes named parameters', () => {
    expect(routePath('enrolmentStatus', { requestId: 'a b/c' })).toBe('/api/enrolments/a%20b%2Fc');
  });

  it('refuses a missing parameter instead of requesting a literal ":requestId"', () => {
    expect(() => routePath('enrolmentStatus')).toThrow(/missing parameter requestId/);
  });
});
