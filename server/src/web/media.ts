/**
 * Prevention videos: the files of `<data dir>/media` are the displays'
 * playlist (file name order), served at `/media/` for the displays to cache.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { MediaList } from '@gfa/shared';

const VIDEO = /\.(mp4|webm|ogv|m4v)$/i;

export const mediaDir = (dataDir: string): string => join(dataDir, 'media');

export function listMedia(dataDir: string): MediaList {
  const dir = mediaDir(dataDir);
  const names = readdirSync(dir)
    .filter((n) => VIDEO.test(n))
    .sort((a, b) => a.localeCompare(b, 'fr'));
  return {
    files: names.map((name) => ({
      name,
      url: `/media/${encodeURIComponent(name)}`,
      bytes: statSync(join(dir, name)).size,
    })),
  };
}

export async function serveMedia(app: FastifyInstance, dataDir: string): Promise<void> {
  mkdirSync(mediaDir(dataDir), { recursive: true });
  await app.register(fastifyStatic, { root: mediaDir(dataDir), prefix: '/media/', decorateReply: false });
}
