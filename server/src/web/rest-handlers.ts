/**
 * The REST handlers, one per route of the shared route table, each route
 * answered by exactly one area (checked at start by `assembleHandlers`);
 * each area gets only the dependencies it uses.
 */
import type { HandlerDeps, Handlers } from './handler-types.js';
import { assembleHandlers } from './handler-areas.js';
import { createAdminHandlers } from './admin-handlers.js';
import { createAuthHandlers } from './auth-handlers.js';
import { createCatalogueHandlers } from './catalogue-handlers.js';
import { createDeviceHandlers } from './device-handlers.js';
import { createDisplayHandlers } from './display-handlers.js';
import { createImportHandlers } from './import-handlers.js';
import { createIntegrationHandlers } from './integration-handlers.js';
import { createJobHandlers } from './job-handlers.js';
import { createGroupHandlers } from './group-handlers.js';
import { createQueueHandlers } from './queue-handlers.js';
import { createServerHandlers } from './server-handlers.js';
import { createStatsHandlers } from './stats-handlers.js';
import { createSupervisionHandlers } from './supervision-handlers.js';

export function createHandlers(deps: HandlerDeps): Handlers {
  return assembleHandlers({
    admin: createAdminHandlers(deps),
    auth: createAuthHandlers(deps),
    catalogue: createCatalogueHandlers(deps),
    device: createDeviceHandlers(deps),
    display: createDisplayHandlers(deps),
    import: createImportHandlers(deps),
    integration: createIntegrationHandlers(deps),
    group: createGroupHandlers(deps),
    job: createJobHandlers(deps),
    queue: createQueueHandlers(deps),
    server: createServerHandlers(deps),
    stats: createStatsHandlers(deps),
    supervision: createSupervisionHandlers(deps),
  });
}
