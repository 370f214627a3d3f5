/**
 * Typed REST client for browsers and shells: every call goes through the
 * shared route table, and every answer is validated against its schema.
 */
import { ApiErrorBody, routes, type RouteBody, type RouteId, type RouteResponse } from '../api/index.js';

/** A refused call: the server's code and its French message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** What people read when the server cannot be reached; cleared by screens once back online. */
export const OFFLINE_TEXT = 'Le serveur est injoignable.';

/** The server could not be reached (network down, server restarting). */
export class OfflineError extends Error {
  constructor() {
    super(OFFLINE_TEXT);
  }
}

export interface CallOptions<R extends RouteId> {
  readonly params?: { id: string };
  readonly query?: Record<string, string>;
  readonly body?: RouteBody<R>;
}

export interface ApiClient {
  call<R extends RouteId>(id: R, options?: CallOptions<R>): Promise<RouteResponse<R>>;
  setToken(token: string | null): void;
}

export function createApiClient(baseUrl = '', fetcher: typeof fetch = (...a) => fetch(...a)): ApiClient {
  let token: string | null = null;
  return {
    setToken: (t) => {
      token = t;
    },
    async call(id, options = {}) {
      const spec = routes[id];
      let path: string = spec.path;
      if (options.params) path = path.replace(':id', encodeURIComponent(options.params.id));
      if (options.query) path += `?${new URLSearchParams(options.query).toString()}`;
      const headers: Record<string, string> = {};
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await fetcher(`${baseUrl}${path}`, {
          method: spec.method,
          headers,
          credentials: 'same-origin',
          body: options.body === undefined ? undefined : JSON.stringify(options.body),
        });
      } catch {
        throw new OfflineError();
      }
      const json: unknown = await response.json().catch(() => null);
      if (!response.ok) {
        const parsed = ApiErrorBody.safeParse(json);
        const error = parsed.success
          ? parsed.data.error
          : { code: 'internal', message: 'Erreur inattendue du serveur.' };
        if (response.status >= 502) throw new OfflineError();
        throw new ApiError(response.status, error.code, error.message);
      }
      const parsed = spec.response.safeParse(json);
      if (!parsed.success) throw new ApiError(502, 'bad_response', 'Réponse inattendue du serveur.');
      return parsed.data as never;
    },
  };
}
