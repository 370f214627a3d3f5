/** Agenda integrations and their API keys (stored as SHA-256 hashes of 256-bit random keys). */
import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Integration } from '@gfa/shared';
import type { Db } from '../db/database.js';
import * as t from '../db/schema.js';
import { hashToken, newToken } from '../security/secrets.js';

/** Keys carry a prefix so that a leaked one is recognised for what it is (secret scanners, logs). */
const PREFIX = 'gfa_agenda_';

const toIntegration = (row: typeof t.integrations.$inferSelect): Integration => ({
  id: row.id,
  name: row.name,
  source: row.source,
  profile: row.profile,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
  lastUsedAt: row.lastUsedAt,
});

export function listIntegrations(db: Db): Integration[] {
  return db.select().from(t.integrations).all().map(toIntegration);
}

export function createIntegration(
  db: Db,
  fields: { name: string; source: string; profile: string },
  now: number,
): { integration: Integration; key: string } {
  const key = `${PREFIX}${newToken()}`;
  const row = {
    id: randomUUID(),
    ...fields,
    keyHash: hashToken(key),
    createdAt: now,
    revokedAt: null,
    lastUsedAt: null,
  };
  db.insert(t.integrations).values(row).run();
  return { integration: toIntegration(row), key };
}

/** True when an active integration was revoked now. */
export function revokeIntegration(db: Db, id: string, now: number): boolean {
  const result = db
    .update(t.integrations)
    .set({ revokedAt: now })
    .where(and(eq(t.integrations.id, id), isNull(t.integrations.revokedAt)))
    .run();
  return result.changes > 0;
}

/** The active integration holding this key, its use recorded; null for an unknown or revoked key. */
export function integrationOfKey(db: Db, key: string, now: number): Integration | null {
  if (!key.startsWith(PREFIX)) return null;
  const row = db
    .select()
    .from(t.integrations)
    .where(and(eq(t.integrations.keyHash, hashToken(key)), isNull(t.integrations.revokedAt)))
    .get();
  if (!row) return null;
  db.update(t.integrations).set({ lastUsedAt: now }).where(eq(t.integrations.id, row.id)).run();
  return toIntegration({ ...row, lastUsedAt: now });
}
