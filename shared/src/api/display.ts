/**
 * What a TV display device may read, and nothing more: its announcement
 * settings, the rooms it names and the categories' public labels. No staff
 * names, no journeys, no reasons (the full configuration is for staff).
 */
import { z } from 'zod';
import { Category, Room } from '../domain/model.js';
import { DisplaySettings } from './rest.js';

export const DisplayConfigDto = z.object({
  settings: DisplaySettings,
  rooms: z.array(Room.pick({ id: true, label: true })),
  categories: z.array(Category.pick({ id: true, label: true })),
});
export type DisplayConfigDto = z.infer<typeof DisplayConfigDto>;
