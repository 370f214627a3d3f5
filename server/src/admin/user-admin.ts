/** Staff accounts as the administrator manages them (never exposing password hashes). */
import { and, eq } from 'drizzle-orm';
import { LandingTab, type AdminUser, type Role } from '@gfa/shared';
import type { Db } from '../db/database.js';
import type { Tx } from '../db/tx.js';
import * as t from '../db/schema.js';

export function listAdminUsers(db: Db): AdminUser[] {
  const categories = db.select().from(t.userCategories).all();
  const reasons = db.select().from(t.userReasons).all();
  return db
    .select()
    .from(t.users)
    .all()
    .map((u) => ({
      id: u.id,
      login: u.login,
      displayName: u.displayName,
      roles: u.roles as Role[],
      categoryIds: categories.filter((c) => c.userId === u.id).map((c) => c.categoryId),
      reasonIds: reasons.filter((r) => r.userId === u.id).map((r) => r.reasonId),
      defaultRoomId: u.defaultRoomId,
      active: u.active,
      landingTab: LandingTab.safeParse(u.landingTab).data ?? null,
    }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr'));
}

export const findAdminUser = (db: Db, id: string): AdminUser | null =>
  listAdminUsers(db).find((u) => u.id === id) ?? null;

/** Writes the account and its links; `passwordHash` only when set or replaced. */
export function writeUser(db: Tx, user: AdminUser, passwordHash: string | null, now: number): void {
  const { categoryIds, reasonIds, ...row } = user;
  const existing = db.select().from(t.users).where(eq(t.users.id, user.id)).get();
  if (existing) {
    db.update(t.users)
      .set({ ...row, ...(passwordHash ? { passwordHash } : {}) })
      .where(eq(t.users.id, user.id))
      .run();
  } else {
    db.insert(t.users)
      .values({ ...row, passwordHash: passwordHash ?? '', createdAt: now })
      .run();
  }
  db.delete(t.userCategories).where(eq(t.userCategories.userId, user.id)).run();
  db.delete(t.userReasons).where(eq(t.userReasons.userId, user.id)).run();
  for (const categoryId of categoryIds)
    db.insert(t.userCategories).values({ userId: user.id, categoryId }).run();
  for (const reasonId of reasonIds) db.insert(t.userReasons).values({ userId: user.id, reasonId }).run();
  // A deactivated account is signed out at once.
  if (!user.active) {
    db.delete(t.sessions)
      .where(and(eq(t.sessions.principalKind, 'user'), eq(t.sessions.principalId, user.id)))
      .run();
  }
}
