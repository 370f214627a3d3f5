/** The server's software version (TXT `ver`), read from its package.json without loading the web server. */
import { readFileSync } from 'node:fs';

export const SERVER_PACKAGE_VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
