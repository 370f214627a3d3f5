/** The call displays: what a display shows (never the full configuration), its settings and its videos. */
import type { DisplayConfigDto, DisplaySettings } from '@gfa/shared';
import { getSetting, setSetting } from '../db/config-store.js';
import { recordChange } from '../db/record-change.js';
import { writeTransaction } from '../db/tx.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

export const DEFAULT_DISPLAY: DisplaySettings = { speech: false, nameFormat: 'civility' };

export type DisplayDeps = Pick<HandlerDeps, 'db' | 'service' | 'media'>;

export function displayConfig(deps: Pick<HandlerDeps, 'db' | 'service'>): DisplayConfigDto {
  const centre = deps.service.centre();
  return {
    settings: getSetting(deps.db, 'display', DEFAULT_DISPLAY),
    rooms: centre.rooms.map(({ id, label }) => ({ id, label })),
    categories: centre.categories.map(({ id, label }) => ({ id, label })),
  };
}

export function createDisplayHandlers(
  deps: DisplayDeps,
): Pick<Handlers, 'displayConfig' | 'displaySettings' | 'saveDisplaySettings' | 'media'> {
  const { db, service } = deps;
  return {
    displayConfig: () => displayConfig(deps),
    displaySettings: () => getSetting(db, 'display', DEFAULT_DISPLAY),
    saveDisplaySettings: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      writeTransaction(db, (tx) => {
        const before = getSetting(tx, 'display', DEFAULT_DISPLAY);
        setSetting(tx, 'display', ctx.body);
        recordChange(tx, { at: service.now(), actor, subject: 'display-settings', before, after: ctx.body });
      });
      return ctx.body;
    },
    media: () => deps.media(),
  };
}
