/** Sessions for staff (login + password) and devices (kiosk, display: a provisioned token). */
import type { Principal } from '@gfa/shared';
import type { Db } from '../db/database.js';
import {
  createSession,
  deleteSession,
  findDeviceByTokenHash,
  findUserByLogin,
  findValidSession,
  getDevice,
  getUser,
  touchSession,
  userCategoryIds,
  type UserRow,
} from '../db/staff-store.js';
import { touchDevice } from '../db/device-store.js';
import { hashPassword, hashToken, newToken, verifyPassword } from './secrets.js';
import { LandingTab, type Role } from '@gfa/shared';

const USER_SESSION_MS = 12 * 3600_000;
const DEVICE_SESSION_MS = 365 * 24 * 3600_000;
/** Compared against when the login is unknown, so timing does not reveal which logins exist. */
const decoyHash = hashPassword('decoy-password-never-used');

export interface OpenedSession {
  readonly token: string;
  readonly expiresAt: number;
  readonly principal: Principal;
}

function userPrincipal(db: Db, user: UserRow): Principal {
  const categoryIds = userCategoryIds(db, user.id);
  return {
    kind: 'user',
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    roles: user.roles as Role[],
    professionalId: categoryIds.length > 0 ? user.id : null,
    categoryIds,
    landingTab: LandingTab.safeParse(user.landingTab).data ?? null,
  };
}

function open(db: Db, principal: Principal, now: number, ttl: number): OpenedSession {
  const token = newToken();
  const expiresAt = now + ttl;
  createSession(db, {
    tokenHash: hashToken(token),
    principalKind: principal.kind,
    principalId: principal.id,
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
  });
  return { token, expiresAt, principal };
}

/**
 * The account behind a login and password, or null (same time either way). The check waits in
 * the lane of `client` (its address); throws QueueFullError when that lane is full.
 */
export async function checkPassword(
  db: Db,
  login: string,
  password: string,
  client: string,
): Promise<UserRow | null> {
  const user = findUserByLogin(db, login);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password, client);
  return user && valid && user.active ? user : null;
}

export const openUserSession = (db: Db, user: UserRow, now: number): OpenedSession =>
  open(db, userPrincipal(db, user), now, USER_SESSION_MS);

export function loginDevice(db: Db, deviceToken: string, now: number): OpenedSession | null {
  const device = findDeviceByTokenHash(db, hashToken(deviceToken));
  if (!device) return null;
  touchDevice(db, device.id, now);
  return open(
    db,
    { kind: 'device', id: device.id, deviceKind: device.kind, name: device.name },
    now,
    DEVICE_SESSION_MS,
  );
}

/** Writing the last activity at most this often keeps a busy desk from writing on every request. */
const TOUCH_EVERY_MS = 30_000;

export interface SessionCheck {
  /** A staff session with no activity for this long has ended. */
  readonly idleMs: number;
  /** False for checks that are not the user's activity (the WebSocket's periodic re-check). */
  readonly activity: boolean;
  /**
   * False while another connection holds the write lock for long (an import's commit): the
   * last-seen stamps, a write, wait for a later check instead of the event loop waiting for the lock.
   */
  readonly stamp: boolean;
}

/** The principal behind a session token, if the session is valid and its owner still active. */
export function principalOf(
  db: Db,
  token: string,
  now: number,
  check: SessionCheck,
): { principal: Principal; expiresAt: number } | null {
  const tokenHash = hashToken(token);
  const session = findValidSession(db, tokenHash, now);
  if (!session) return null;
  if (session.principalKind === 'user') {
    const lastSeen = session.lastSeenAt ?? session.createdAt;
    if (now - lastSeen > check.idleMs) {
      deleteSession(db, tokenHash);
      return null;
    }
    if (check.stamp && check.activity && now - lastSeen > TOUCH_EVERY_MS) touchSession(db, tokenHash, now);
    const user = getUser(db, session.principalId);
    return user?.active ? { principal: userPrincipal(db, user), expiresAt: session.expiresAt } : null;
  }
  const device = getDevice(db, session.principalId);
  // Presence, not activity: a display only listens, and devices have no idle timeout.
  if (check.stamp && device?.active && now - (device.lastSeenAt ?? 0) > TOUCH_EVERY_MS)
    touchDevice(db, device.id, now);
  return device?.active
    ? {
        principal: { kind: 'device', id: device.id, deviceKind: device.kind, name: device.name },
        expiresAt: session.expiresAt,
      }
    : null;
}

export const closeSession = (db: Db, token: string): void => deleteSession(db, hashToken(token));
