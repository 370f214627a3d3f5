/**
 * The concrete path of a route of the table, its `:name` segments filled in
 * (encoded): what the shells request, so that they follow the table instead
 * of copies of its strings.
 */
import { routes, type RouteId } from './routes.js';

/** `/api/tls/ca`: the CA certificate, served as PEM text beside the JSON route table. */
export const CA_CERTIFICATE_PATH = '/api/tls/ca';

export function routePath(id: RouteId, params: Record<string, string> = {}): string {
  return routes[id].path.replace(/:([A-Za-z]+)/g, (_all, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`routePath(${id}): missing parameter ${name}`);
    return encodeURIComponent(value);
  });
}
