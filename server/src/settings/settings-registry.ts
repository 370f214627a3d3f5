/**
 * Every setting of GFA, by key: nothing reads or writes the `settings` table
 * but through this list (`readSetting` / `writeSetting` in
 * `server/src/db/settings-store.ts`), so an unknown key does not compile and
 * each value has its schema's type.
 */
import type { z } from 'zod';
import { CENTRE_SETTINGS } from './centre-settings.js';
import { DATA_SETTINGS } from './data-settings.js';
import { JOURNAL_SETTINGS } from './journal-settings.js';
import { SECURITY_SETTINGS } from './security-settings.js';

export const SETTINGS = {
  ...CENTRE_SETTINGS,
  ...DATA_SETTINGS,
  ...SECURITY_SETTINGS,
  ...JOURNAL_SETTINGS,
};

export type SettingKey = keyof typeof SETTINGS;
export type SettingValue<K extends SettingKey> = z.output<(typeof SETTINGS)[K]['schema']>;

export { mergeFields, type Setting } from './setting.js';
export { DEFAULT_ALERT_RULES } from './centre-settings.js';
export { DEFAULT_DATA_SETTINGS, DEFAULT_RETENTION_DAYS } from './data-settings.js';
