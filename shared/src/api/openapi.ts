/** The OpenAPI 3.1 document, built from the route table. */
import { z } from 'zod';
import { ApiErrorBody } from './errors.js';
import { routes, type RouteSpec } from './routes.js';

const schemaOf = (s: z.ZodType): unknown => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });

export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, spec] of Object.entries(routes) as [string, RouteSpec][]) {
    const path = spec.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...(spec.params ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] : []),
      ...(spec.query
        ? [{ name: 'date', in: 'query', required: false, schema: { type: 'string', format: 'date' } }]
        : []),
    ];
    paths[path] = {
      ...paths[path],
      [spec.method.toLowerCase()]: {
        operationId: id,
        summary: spec.summary,
        security:
          spec.access === 'public'
            ? []
            : spec.access === 'integration'
              ? [{ integrationKey: [] }]
              : [{ cookie: [] }, { bearer: [] }],
        'x-gfa-access': spec.access,
        ...(parameters.length ? { parameters } : {}),
        ...(spec.body
          ? {
              requestBody: {
                required: true,
                content: { 'application/json': { schema: schemaOf(spec.body) } },
              },
            }
          : {}),
        responses: {
          '200': { description: 'OK', content: { 'application/json': { schema: schemaOf(spec.response) } } },
          default: {
            description: 'Erreur',
            content: { 'application/json': { schema: schemaOf(ApiErrorBody) } },
          },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'GFA — gestionnaire de files d’attente', version },
    paths,
    components: {
      securitySchemes: {
        cookie: { type: 'apiKey', in: 'cookie', name: 'gfa_session' },
        bearer: { type: 'http', scheme: 'bearer' },
        integrationKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            'Clé d’API d’une intégration d’agenda (Administration › Imports › Intégrations), envoyée en « Authorization: Bearer <clé> ».',
        },
      },
    },
  };
}
