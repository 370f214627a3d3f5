/** The display device's own reading: what it shows, never the full configuration. */
import type { DisplayConfigDto, DisplaySettings } from '@gfa/shared';
import { getSetting } from '../db/config-store.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

export const DEFAULT_DISPLAY: DisplaySettings = { speech: false, nameFormat: 'civility' };

export function displayConfig(deps: Pick<HandlerDeps, 'db' | 'service'>): DisplayConfigDto {
  const centre = deps.service.centre();
  return {
    settings: getSetting(deps.db, 'display', DEFAULT_DISPLAY),
    rooms: centre.rooms.map(({ id, label }) => ({ id, label })),
    categories: centre.categories.map(({ id, label }) => ({ id, label })),
  };
}

export const createDisplayHandlers = (deps: HandlerDeps): Pick<Handlers, 'displayConfig'> => ({
  displayConfig: () => displayConfig(deps),
});
