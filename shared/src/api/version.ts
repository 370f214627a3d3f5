/** Protocol versioning: a client and a server talk only when their protocol versions are compatible. */
export const PROTOCOL_VERSION = 1;

/**
 * Versions are compatible when equal; a change that breaks clients bumps the version. The side that is
 * behind is named, because the remedy differs: an old page reloads, a page newer than its server waits.
 */
export function compatibility(clientVersion: number): 'compatible' | 'client_too_old' | 'server_too_old' {
  if (clientVersion === PROTOCOL_VERSION) return 'compatible';
  return clientVersion < PROTOCOL_VERSION ? 'client_too_old' : 'server_too_old';
}
