/** An in-memory ServerWatch: the test announces and withdraws servers as mDNS would. */
import type { FoundServer, ServerEvent, ServerWatch } from '../discovery/types.js';

export interface MemoryWatch extends ServerWatch {
  announce(server: FoundServer): void;
  withdraw(name: string): void;
}

export function memoryWatch(initial: readonly FoundServer[] = []): MemoryWatch {
  const servers = new Map(initial.map((server) => [server.name, server]));
  const listeners = new Set<(event: ServerEvent) => void>();
  const emit = (event: ServerEvent) => listeners.forEach((listener) => listener(event));
  return {
    current: () => [...servers.values()],
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {
      listeners.clear();
    },
    announce(server) {
      const kind = servers.has(server.name) ? 'changed' : 'up';
      servers.set(server.name, server);
      emit({ kind, server });
    },
    withdraw(name) {
      servers.delete(name);
      emit({ kind: 'down', name });
    },
  };
}
