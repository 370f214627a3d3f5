/**
 * A minimal HTTPS JSON client for integration tests: trusts exactly the
 * server's self-signed certificate (no `rejectUnauthorized: false`).
 */
import { Agent, request } from 'undici';

export interface JsonResponse<T = unknown> {
  status: number;
  /** Parsed JSON, or the text of a page. */
  body: T;
}

export interface ApiClient {
  readonly baseUrl: string;
  token: string | null;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>>;
  /** The headers of the last answer (security headers, cookies). */
  lastHeaders: Record<string, string | string[] | undefined>;
  close(): Promise<void>;
}

export function apiClient(baseUrl: string, ca: string, token: string | null = null): ApiClient {
  const dispatcher = new Agent({ connect: { ca } });
  const client: ApiClient = {
    baseUrl,
    token,
    lastHeaders: {},
    async call<T>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>> {
      const headers: Record<string, string> = {};
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (client.token) headers.authorization = `Bearer ${client.token}`;
      const res = await request(`${baseUrl}${path}`, {
        method: method as 'GET',
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        dispatcher,
      });
      const text = await res.body.text();
      const json = String(res.headers['content-type'] ?? '').includes('json');
      // Kept off the response object so that tests can compare it whole.
      client.lastHeaders = res.headers;
      return { status: res.statusCode, body: (text ? (json ? JSON.parse(text) : text) : null) as T };
    },
    close: () => dispatcher.close(),
  };
  return client;
}
