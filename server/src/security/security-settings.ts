/** Who must use a second factor, by the rules set in Administration › Sécurité (setting `securitySettings`). */
import type { Role, SecuritySettings } from '@gfa/shared';

export const totpRequired = (settings: SecuritySettings, roles: readonly Role[]): boolean =>
  roles.some((r) => settings.totpRequiredFor.includes(r));
