// Entry of the server's worker threads (`src/db/worker-thread.ts`). A worker does not inherit the
// TypeScript loader `gfa.mjs` registers on the main thread, so it registers its own (the same tsx
// the server runs on, in development as in the installed server), then runs the TypeScript module
// it was started for.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
