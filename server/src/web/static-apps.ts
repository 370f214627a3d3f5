/**
 * Serves the built screens (kiosk, display, workstation) so that any browser
 * on the LAN can use them, and the Electron shells can load them.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const APPS = ['kiosk', 'display', 'workstation'] as const;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export async function serveApps(app: FastifyInstance, appsRoot = repoRoot): Promise<string[]> {
  const served: string[] = [];
  for (const name of APPS) {
    const root = join(appsRoot, name, 'dist');
    if (!existsSync(root)) continue;
    await app.register(fastifyStatic, { root, prefix: `/${name}/`, decorateReply: false });
    app.get(`/${name}`, (_request, reply) => reply.redirect(`/${name}/`));
    served.push(name);
  }
  app.get('/', (_request, reply) => reply.redirect('/workstation/'));
  return served;
}
