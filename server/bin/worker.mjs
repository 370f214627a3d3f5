// Entry of the server's worker threads (`src/db/worker-thread.ts`). A bundled server starts its
// bundled worker bodies (`.mjs`, plain JavaScript); a server run from its sources starts their
// TypeScript, and a worker does not inherit the loader `gfa.mjs` registered on the main thread, so
// it registers its own (the same tsx) before running the module it was started for.
import { workerData } from 'node:worker_threads';

if (workerData.module.endsWith('.ts')) {
  const { register } = await import('tsx/esm/api');
  register();
}
await import(workerData.module);
