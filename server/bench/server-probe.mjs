/**
 * Preloaded into the benchmarked server (`node --import`), never shipped. Plain JavaScript, so the
 * server runs exactly as in production (the bundle, no TypeScript loader). On SIGUSR2 it prints one
 * `BENCH-PROBE {json}` line with the CPU time used so far (so costs do not depend on how busy the
 * machine is), where the memory is (V8 heap, external buffers, and from /proc/self/smaps the node
 * executable's mapped pages, other mapped files and anonymous memory) and the event-loop delay
 * seen since the previous probe, then starts a new delay window.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { getHeapSpaceStatistics } from 'node:v8';

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
const executable = realpathSync(process.execPath);

/** Resident bytes by mapping kind: the node executable, other files (libraries), anonymous. */
function residentByMapping() {
  const resident = { nodeBinary: 0, otherFiles: 0, anonymous: 0 };
  let kind = 'anonymous';
  try {
    for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
      const header = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
      if (header) {
        const path = header[1] ?? '';
        kind = path === executable ? 'nodeBinary' : path.startsWith('/') ? 'otherFiles' : 'anonymous';
      } else if (line.startsWith('Rss:')) {
        resident[kind] += Number(/(\d+)/.exec(line)?.[1] ?? 0) * 1024;
      }
    }
  } catch {
    // Not Linux: the breakdown shows zeros, the process figures stay right.
  }
  return resident;
}

process.on('SIGUSR2', () => {
  const loopP99Ms = delay.percentile(99) / 1e6;
  const loopMaxMs = delay.max / 1e6;
  // Collect first (when the bench started the server with --expose-gc), so the heap figure is
  // what is kept alive, not garbage awaiting collection; the pause falls in the next window.
  globalThis.gc?.();
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const probe = {
    cpuMs: (cpu.user + cpu.system) / 1000,
    rss: memory.rss,
    heapTotal: memory.heapTotal,
    heapUsed: memory.heapUsed,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
    mappings: residentByMapping(),
    heapSpaces: Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, s.space_used_size])),
    loopP99Ms,
    loopMaxMs,
  };
  delay.reset();
  console.log(`BENCH-PROBE ${JSON.stringify(probe)}`);
});
