/** The display device's own reading: what it shows, never the full configuration. */
import type { DisplayConfigDto } from '@gfa/shared';
import { readSetting } from '../db/settings-store.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

export function displayConfig(deps: Pick<HandlerDeps, 'db' | 'service'>): DisplayConfigDto {
  const centre = deps.service.centre();
  return {
    settings: readSetting(deps.db, 'display'),
    rooms: centre.rooms.map(({ id, label }) => ({ id, label })),
    categories: centre.categories.map(({ id, label }) => ({ id, label })),
  };
}

export const createDisplayHandlers = (deps: HandlerDeps): Pick<Handlers, 'displayConfig'> => ({
  displayConfig: () => displayConfig(deps),
});
