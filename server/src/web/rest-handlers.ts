/**
 * The REST handlers, one per route of the shared route table, each route
 * answered by exactly one area (checked at start by `assembleHandlers`);
 * each area gets only the dependencies it uses.
 */
import type { HandlerDeps, Handlers } from './handler-types.js';
import { assembleHandlers } from './handler-areas.js';
import { ForecastCache } from '../supervision/forecast-cache.js';
import { CENTRE_DISPATCHER } from '../service/dispatcher.js';
import { createAdminHandlers } from './admin-handlers.js';
import { createAuthHandlers } from './auth-handlers.js';
import { createCatalogueHandlers } from './catalogue-handlers.js';
import { createDeviceHandlers } from './device-handlers.js';
import { createDisplayHandlers } from './display-handlers.js';
import { createForecastHandlers } from './forecast-handlers.js';
import { createImportHandlers } from './import-handlers.js';
import { createIntegrationHandlers } from './integration-handlers.js';
import { createGroupHandlers } from './group-handlers.js';
import { createJobHandlers } from './job-handlers.js';
import { createQueueHandlers } from './queue-handlers.js';
import { createSatisfactionHandlers } from './satisfaction-handlers.js';
import { createServerHandlers } from './server-handlers.js';
import { createStatsHandlers } from './stats-handlers.js';
import { createSupervisionHandlers } from './supervision-handlers.js';

export function createHandlers(deps: HandlerDeps): Handlers {
  /** One forecast for the board, the desks, the TVs and the kiosk (it runs the rest of the day). */
  const forecasts = new ForecastCache(deps.db, CENTRE_DISPATCHER);
  return assembleHandlers({
    admin: createAdminHandlers(deps),
    auth: createAuthHandlers(deps),
    catalogue: createCatalogueHandlers(deps),
    device: createDeviceHandlers(deps),
    display: createDisplayHandlers(deps),
    forecast: createForecastHandlers(deps, forecasts),
    import: createImportHandlers(deps),
    integration: createIntegrationHandlers(deps),
    group: createGroupHandlers(deps),
    job: createJobHandlers(deps),
    queue: createQueueHandlers(deps, forecasts),
    satisfaction: createSatisfactionHandlers(deps),
    server: createServerHandlers(deps),
    stats: createStatsHandlers(deps),
    supervision: createSupervisionHandlers(deps, forecasts),
  });
}
