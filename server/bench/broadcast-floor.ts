/**
 * The floor of the server benchmark: a bare `ws` server over the same TLS
 * certificate that rebroadcasts every message it receives to all clients.
 * Prints its URL, then runs until killed.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { join } from 'node:path';
import { WebSocketServer } from 'ws';

const dataDir = process.argv[2] ?? '.';
const server = createServer({
  key: readFileSync(join(dataDir, 'key.pem')),
  cert: readFileSync(join(dataDir, 'cert.pem')),
});
const wss = new WebSocketServer({ server });
wss.on('connection', (socket) => {
  socket.on('message', (data) => {
    for (const client of wss.clients) client.send(data.toString());
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address && typeof address === 'object') console.log(`wss://127.0.0.1:${address.port}`);
});
