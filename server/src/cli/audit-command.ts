/** `gfa audit verify`: walks the hash-chained journal and names the first record that was tampered with. */
import { databaseFile, defaultDataDir, openDatabase } from '../db/database.js';
import { lastHash } from '../db/journal-chain.js';
import { auditChain } from '../audit/audit-search.js';
import { CliError } from './cli-error.js';

export function auditVerify(options: { dataDir?: string }): void {
  const database = openDatabase(databaseFile(options.dataDir ?? defaultDataDir()));
  try {
    const check = auditChain(database.db, database.sqlite);
    if (!check.ok) throw new CliError(`Journal d’audit altéré : ${check.reason ?? ''}.`);
    console.log(`Journal d’audit intègre : ${check.records} enregistrements vérifiés.`);
    // Writing this down (or keeping it with the backups) anchors the chain outside the box.
    console.log(`Empreinte du dernier enregistrement : ${lastHash(database.db)}`);
  } finally {
    database.close();
  }
}
