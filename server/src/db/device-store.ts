/** Enrolment requests and the device register as the administration screen sees them. */
import { and, eq, gt, lte } from 'drizzle-orm';
import type { AdminDevice, PendingEnrolment } from '@gfa/shared';
import type { Db } from './database.js';
import * as t from './schema.js';

export type EnrolmentRow = typeof t.enrolments.$inferSelect;

export function insertEnrolment(db: Db, row: EnrolmentRow): void {
  db.insert(t.enrolments).values(row).run();
}

export function findEnrolmentByRequestHash(
  db: Db,
  requestHash: string,
  now: number,
): EnrolmentRow | undefined {
  return db
    .select()
    .from(t.enrolments)
    .where(and(eq(t.enrolments.requestHash, requestHash), gt(t.enrolments.expiresAt, now)))
    .get();
}

export function findPendingByCode(db: Db, code: string, now: number): EnrolmentRow | undefined {
  return db
    .select()
    .from(t.enrolments)
    .where(
      and(eq(t.enrolments.code, code), eq(t.enrolments.status, 'pending'), gt(t.enrolments.expiresAt, now)),
    )
    .get();
}

export function getEnrolment(db: Db, id: string): EnrolmentRow | undefined {
  return db.select().from(t.enrolments).where(eq(t.enrolments.id, id)).get();
}

export function setEnrolmentStatus(
  db: Db,
  id: string,
  status: EnrolmentRow['status'],
  deviceId: string | null = null,
): void {
  db.update(t.enrolments).set({ status, deviceId }).where(eq(t.enrolments.id, id)).run();
}

/** Expired requests carry nothing worth keeping (the journal has the approvals). */
export function deleteExpiredEnrolments(db: Db, now: number): void {
  db.delete(t.enrolments).where(lte(t.enrolments.expiresAt, now)).run();
}

export function pendingEnrolments(db: Db, now: number): PendingEnrolment[] {
  return db
    .select()
    .from(t.enrolments)
    .where(and(eq(t.enrolments.status, 'pending'), gt(t.enrolments.expiresAt, now)))
    .all()
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      hostname: r.hostname,
      ip: r.ip,
      createdAt: r.createdAt,
      expiresAt: r.expiresAt,
    }));
}

const toAdminDevice = (r: typeof t.devices.$inferSelect): AdminDevice => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  hostname: r.hostname,
  active: r.active,
  createdAt: r.createdAt,
  lastSeenAt: r.lastSeenAt,
  revokedAt: r.revokedAt,
});

export function listAdminDevices(db: Db): AdminDevice[] {
  return db.select().from(t.devices).all().map(toAdminDevice);
}

export function findAdminDevice(db: Db, id: string): AdminDevice | null {
  const row = db.select().from(t.devices).where(eq(t.devices.id, id)).get();
  return row ? toAdminDevice(row) : null;
}

export function setDeviceToken(db: Db, id: string, tokenHash: string): void {
  db.update(t.devices).set({ tokenHash }).where(eq(t.devices.id, id)).run();
}

export function revokeDeviceRow(db: Db, id: string, now: number): void {
  db.update(t.devices).set({ active: false, revokedAt: now }).where(eq(t.devices.id, id)).run();
  db.delete(t.sessions)
    .where(and(eq(t.sessions.principalKind, 'device'), eq(t.sessions.principalId, id)))
    .run();
}

export function touchDevice(db: Db, id: string, now: number): void {
  db.update(t.devices).set({ lastSeenAt: now }).where(eq(t.devices.id, id)).run();
}
