/**
 * Preloaded into the benchmarked server (`node --import`), never shipped:
 * on SIGUSR2 it prints one `BENCH-PROBE {json}` line with the CPU time used so
 * far (so costs do not depend on how busy the machine is), where the memory
 * is (V8 heap, external buffers, the native rest of RSS) and the event-loop
 * delay seen since the previous probe, then starts a new delay window. The
 * server itself is left untouched, so the figures are those of production code.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();

process.on('SIGUSR2', () => {
  const loopP99Ms = delay.percentile(99) / 1e6;
  const loopMaxMs = delay.max / 1e6;
  // Collect first (when the bench started the server with --expose-gc), so the heap figure is
  // what is kept alive, not garbage awaiting collection; the pause falls in the next window.
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const probe = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    rss: memory.rss,
    heapTotal: memory.heapTotal,
    heapUsed: memory.heapUsed,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
    heapSpaces: Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size])),
    loopP99Ms,
    loopMaxMs,
  };
  delay.reset();
  console.log(`BENCH-PROBE ${JSON.stringify(probe)}`);
});
