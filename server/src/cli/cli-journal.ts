/**
 * Data actions run from the command line (exports, backups, restores) go to
 * the same audit journal as the screen's: whoever holds the box's console is
 * traced as "cli".
 */
import type { Db } from '../db/database.js';
import { appendAudit, type AuditType } from '../db/journal-audit.js';

export const journalCli = (db: Db, type: AuditType, data: Record<string, unknown>): void => {
  appendAudit(db, Date.now(), type, { kind: 'system', id: 'cli' }, data);
};
