/**
 * NovoSGA's push hub, reduced to its job (a Mercure-like process beside the
 * application server): the server POSTs an event id to `/publish` after its
 * commit, the hub pushes it to every `/events` Server-Sent Events stream.
 * Same TLS certificate as GFA, 127.0.0.1 only. Prints its URL, then runs
 * until killed.
 */
import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { join } from 'node:path';

const dataDir = process.argv[2] ?? '.';
const streams = new Set<ServerResponse>();
const server = createServer(
  { key: readFileSync(join(dataDir, 'key.pem')), cert: readFileSync(join(dataDir, 'cert.pem')) },
  (req, res) => {
    if (req.method === 'GET' && req.url === '/events') {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
      res.write(': connected\n\n');
      streams.add(res);
      req.once('close', () => streams.delete(res));
      return;
    }
    if (req.method === 'POST' && req.url === '/publish') {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const id = body.trim();
        for (const stream of streams) stream.write(`id: ${id}\ndata: ${id}\n\n`);
        res.writeHead(204).end();
      });
      return;
    }
    res.writeHead(404).end();
  },
);
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`https://127.0.0.1:${address.port}`);
});
