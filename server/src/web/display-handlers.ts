/** The call displays: what a display shows (never the full configuration), its settings and its videos. */
import type { DisplayConfigDto } from '@gfa/shared';
import { readSetting, writeSetting } from '../db/settings-store.js';
import { recordChange } from '../db/record-change.js';
import { writeTransaction } from '../db/tx.js';
import { actorOf, requirePrincipal } from './principal-context.js';
import type { HandlerDeps, Handlers } from './handler-types.js';

export type DisplayDeps = Pick<HandlerDeps, 'db' | 'service' | 'media'>;

export function displayConfig(deps: Pick<HandlerDeps, 'db' | 'service'>): DisplayConfigDto {
  const centre = deps.service.centre();
  return {
    settings: readSetting(deps.db, 'display'),
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
    displaySettings: () => readSetting(db, 'display'),
    saveDisplaySettings: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      writeTransaction(db, (tx) => {
        const before = readSetting(tx, 'display');
        writeSetting(tx, 'display', ctx.body);
        recordChange(tx, { at: service.now(), actor, subject: 'display-settings', before, after: ctx.body });
      });
      return ctx.body;
    },
    media: () => deps.media(),
  };
}
