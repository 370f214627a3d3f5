/** What the audit trail keeps between two starts. */
import { z } from 'zod';
import { setting } from './setting.js';

export const JOURNAL_SETTINGS = {
  'journal.chainCheckpoint': setting({
    // A record an earlier walk found intact: a search after a restart verifies only what follows it.
    schema: z
      .object({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) })
      .nullable(),
    defaultValue: null,
    description:
      'Dernier enregistrement du journal dont la chaîne d’empreintes a été vérifiée intacte (la vérification suivante part de là).',
  }),
};
