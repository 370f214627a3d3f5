/** Session and second-factor rules, set in Administration › Sécurité. */
import type { Role, SecuritySettings } from '@gfa/shared';
import { getSetting, setSetting } from '../db/config-store.js';
import type { Db } from '../db/database.js';

/** The tender asks for strong authentication where possible: the accounts that see everything first. */
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  idleMinutes: 60,
  totpRequiredFor: ['administrator', 'supervisor'],
};

const KEY = 'securitySettings';

export const loadSecuritySettings = (db: Db): SecuritySettings => ({
  ...DEFAULT_SECURITY_SETTINGS,
  ...getSetting<Partial<SecuritySettings>>(db, KEY, {}),
});

export const writeSecuritySettings = (db: Db, settings: SecuritySettings): void =>
  setSetting(db, KEY, settings);

export const totpRequired = (settings: SecuritySettings, roles: readonly Role[]): boolean =>
  roles.some((r) => settings.totpRequiredFor.includes(r));
