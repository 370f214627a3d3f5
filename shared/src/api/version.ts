/** Protocol versioning: a client and a server talk only when their protocol versions are compatible. */
export const PROTOCOL_VERSION = 1;

/** Versions are compatible when equal; a change that breaks clients bumps the version. */
export function isCompatible(clientVersion: number): boolean {
  return clientVersion === PROTOCOL_VERSION;
}
