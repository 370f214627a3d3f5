/**
 * A minimal HTTPS JSON client for integration tests: trusts exactly the
 * server's self-signed certificate (no `rejectUnauthorized: false`).
 */
import { Agent, request } from 'undici';

export interface JsonResponse<T = unknown> {
  status: number;
  body: T;
}

export interface ApiClient {
  readonly baseUrl: string;
  token: string | null;
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<JsonResponse<T>>;
  close(): Promise<void>;
}

export function apiClient(baseUrl: string, ca: string, token: string | null = null): ApiClient {
  const dispatcher = new Agent({ connect: { ca } });
  const client: ApiClient = {
    baseUrl,
    token,
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
      return { status: res.statusCode, body: (text ? JSON.parse(text) : null) as T };
    },
    close: () => dispatcher.close(),
  };
  return client;
}
