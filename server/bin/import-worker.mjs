// Entry of the import worker thread (`src/import/read-in-worker.ts`). A worker does not inherit
// the TypeScript loader `gfa.mjs` registers on the main thread, so it registers its own (the same
// tsx the server runs on, in development as in the installed server), then runs the TypeScript body.
import { register } from 'tsx/esm/api';

register();
await import('../src/import/agenda-worker.ts');
