/** Users (staff), devices and sessions. Password and token hashing happen in the auth module. */
import { and, eq, gt, lte, ne, sql } from 'drizzle-orm';
import type { DeviceKind, LandingTab, Role } from '@gfa/shared';
import type { Db } from './database.js';
import { preparedPerDb } from './prepared-query.js';
import * as t from './schema.js';

export type UserRow = typeof t.users.$inferSelect;
export type DeviceRow = typeof t.devices.$inferSelect;
export type SessionRow = typeof t.sessions.$inferSelect;

export interface NewUser {
  id: string;
  login: string;
  displayName: string;
  passwordHash: string;
  roles: Role[];
  categoryIds: string[];
  reasonIds: string[];
  defaultRoomId: string | null;
  createdAt: number;
  landingTab?: LandingTab | null;
}

export function createUser(db: Db, user: NewUser): void {
  db.transaction((tx) => {
    const { categoryIds, reasonIds, ...row } = user;
    tx.insert(t.users)
      .values({ ...row, active: true })
      .run();
    for (const categoryId of categoryIds)
      tx.insert(t.userCategories).values({ userId: user.id, categoryId }).run();
    for (const reasonId of reasonIds) tx.insert(t.userReasons).values({ userId: user.id, reasonId }).run();
  });
}

export function findUserByLogin(db: Db, login: string): UserRow | undefined {
  return db.select().from(t.users).where(eq(t.users.login, login)).get();
}

// Every authenticated request reads its session, then its user and their categories, or its device.
const userById = preparedPerDb((db) =>
  db
    .select()
    .from(t.users)
    .where(eq(t.users.id, sql.placeholder('id')))
    .prepare(),
);
const categoriesOfUser = preparedPerDb((db) =>
  db
    .select({ categoryId: t.userCategories.categoryId })
    .from(t.userCategories)
    .where(eq(t.userCategories.userId, sql.placeholder('userId')))
    .prepare(),
);
const deviceById = preparedPerDb((db) =>
  db
    .select()
    .from(t.devices)
    .where(eq(t.devices.id, sql.placeholder('id')))
    .prepare(),
);
const validSession = preparedPerDb((db) =>
  db
    .select()
    .from(t.sessions)
    .where(
      and(
        eq(t.sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(t.sessions.expiresAt, sql.placeholder('now')),
      ),
    )
    .prepare(),
);

export const getUser = (db: Db, id: string): UserRow | undefined => userById(db).get({ id });

export const userCategoryIds = (db: Db, userId: string): string[] =>
  categoriesOfUser(db)
    .all({ userId })
    .map((r) => r.categoryId);

export function countUsers(db: Db): number {
  return db.select().from(t.users).all().length;
}

export function createDevice(
  db: Db,
  device: {
    id: string;
    kind: DeviceKind;
    name: string;
    tokenHash: string;
    createdAt: number;
    /** The computer name an enrolled shell reported (none for `gfa device add`). */
    hostname?: string;
  },
): void {
  db.insert(t.devices)
    .values({ ...device, active: true })
    .run();
}

export function findDeviceByTokenHash(db: Db, tokenHash: string): DeviceRow | undefined {
  return db
    .select()
    .from(t.devices)
    .where(and(eq(t.devices.tokenHash, tokenHash), eq(t.devices.active, true)))
    .get();
}

export const getDevice = (db: Db, id: string): DeviceRow | undefined => deviceById(db).get({ id });

export function createSession(db: Db, session: SessionRow): void {
  db.insert(t.sessions).values(session).run();
}

export const findValidSession = (db: Db, tokenHash: string, now: number): SessionRow | undefined =>
  validSession(db).get({ tokenHash, now });

export function deleteSession(db: Db, tokenHash: string): void {
  db.delete(t.sessions).where(eq(t.sessions.tokenHash, tokenHash)).run();
}

export function touchSession(db: Db, tokenHash: string, now: number): void {
  db.update(t.sessions).set({ lastSeenAt: now }).where(eq(t.sessions.tokenHash, tokenHash)).run();
}

/** Ends every session of the user, except `keepTokenHash` (the session asking, when it is theirs). */
export function deleteUserSessions(db: Db, userId: string, keepTokenHash?: string): number {
  return db
    .delete(t.sessions)
    .where(
      and(
        eq(t.sessions.principalKind, 'user'),
        eq(t.sessions.principalId, userId),
        keepTokenHash === undefined ? undefined : ne(t.sessions.tokenHash, keepTokenHash),
      ),
    )
    .run().changes;
}

export function countUserSessions(db: Db, userId: string, now: number): number {
  return db
    .select()
    .from(t.sessions)
    .where(
      and(
        eq(t.sessions.principalKind, 'user'),
        eq(t.sessions.principalId, userId),
        gt(t.sessions.expiresAt, now),
      ),
    )
    .all().length;
}

export function setUserSecondFactor(
  db: Db,
  userId: string,
  totpSecret: string | null,
  recoveryCodes: string[] | null,
): void {
  db.update(t.users).set({ totpSecret, recoveryCodes }).where(eq(t.users.id, userId)).run();
}

export function deleteExpiredSessions(db: Db, now: number): void {
  db.delete(t.sessions).where(lte(t.sessions.expiresAt, now)).run();
}
