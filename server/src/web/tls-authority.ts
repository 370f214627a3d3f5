/**
 * `GET /api/tls/ca`: the CA certificate, public on purpose. A shell being
 * enrolled fetches it, checks its fingerprint against the one mDNS announced
 * (or the one the administrator reads with `gfa cert`), then pins it; a
 * workstation browser can install it as a trusted authority. It is a public
 * certificate, no secret: the route needs no session.
 */
import type { FastifyInstance } from 'fastify';
import { CA_CERTIFICATE_PATH } from '@gfa/shared';

export function serveAuthority(app: FastifyInstance, caCert: string): void {
  app.get(CA_CERTIFICATE_PATH, (_request, reply) =>
    reply
      .type('application/x-pem-file')
      .header('content-disposition', 'attachment; filename="gfa-autorite.pem"')
      .send(caCert),
  );
}
