/**
 * The one place the shells reach the mDNS browser (shared/shell/discovery/browser.ts),
 * so the rest depends only on the ServerWatch contract of discovery/types.ts.
 */
import type { ServerWatch } from '../discovery/types.js';
import { watchServers as browse } from '../discovery/browser.js';

export const watchServers = (): ServerWatch => browse();
