/**
 * A card reader (Carte Vitale) that identifies the visitor. There is no driver
 * in the browser: the kiosk's Electron shell exposes one through its preload
 * bridge as `window.gfaShell.identityReader` (see kiosk/README.md).
 */
export interface ReadIdentity {
  readonly lastName: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
}

export interface IdentityReader {
  /** Calls `listener` each time a card is read; returns the unsubscribe function. */
  onIdentity(listener: (identity: ReadIdentity) => void): () => void;
}

export function identityReader(): IdentityReader | null {
  const shell = (globalThis as { gfaShell?: { identityReader?: IdentityReader } }).gfaShell;
  return shell?.identityReader ?? null;
}
