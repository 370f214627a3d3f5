/** Sessions, second factor and the kiosks' exit code (Administration › Sécurité, › Appareils). */
import { SecuritySettings } from '@gfa/shared';
import { z } from 'zod';
import { setting } from './setting.js';

export const SECURITY_SETTINGS = {
  securitySettings: setting({
    schema: SecuritySettings,
    // The tender asks for strong authentication where possible: the accounts that see everything first.
    defaultValue: { idleMinutes: 60, totpRequiredFor: ['administrator', 'supervisor'] },
    description:
      'Sessions et double authentification : inactivité avant déconnexion, rôles tenus au second facteur.',
  }),
  kioskExitCode: setting({
    // An argon2 hash, never the code: null until the administrator sets one.
    schema: z.object({ hash: z.string().min(1), changedAt: z.number().int() }).nullable(),
    defaultValue: null,
    description: 'Code de sortie des bornes (empreinte argon2) et date de son dernier changement.',
  }),
};
