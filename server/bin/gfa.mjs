#!/usr/bin/env node
// The `gfa` command. Runs the production bundle (`npm run build:server`) when it was built from the
// sources present, else the TypeScript sources through tsx's loader (development, or sources edited
// since the build): a stale bundle never runs. The loader is only loaded when it is needed.
import { freshBundle } from './server-bundle.mjs';

const bundle = freshBundle();
if (bundle) {
  await import(bundle);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
