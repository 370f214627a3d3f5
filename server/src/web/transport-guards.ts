/**
 * Guards on the emitters below Fastify, so that no input from the network can
 * reach `uncaughtException`: an 'error' event without a listener stops Node.
 * Fastify already answers HTTP parse errors (`clientError`) with a 400; these
 * cover the TLS handshake and the raw socket of an upgrade request, which
 * Node hands over without its own error listener.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Server } from 'node:net';
import type { Duplex } from 'node:stream';

export function guardTransport(server: Server, log: FastifyBaseLogger): void {
  server.on('tlsClientError', (error: Error & { code?: string }, socket: Duplex) => {
    log.debug({ code: error.code }, 'TLS handshake refused');
    socket.destroy();
  });
}

/** Between the upgrade request and `ws` taking it (or our refusal), the socket is ours to guard. */
export function guardUpgradeSocket(socket: Duplex, log: FastifyBaseLogger): void {
  socket.on('error', (error: Error & { code?: string }) =>
    log.debug({ code: error.code }, 'upgrade socket error'),
  );
}
