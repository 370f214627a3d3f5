/**
 * Device enrolment (see shared/src/api/devices.ts for the exchange). The
 * device shows the code; the administrator types it — so an approval always
 * matches the machine in front of them, never a request someone else made.
 */
import { randomInt, randomUUID } from 'node:crypto';
import type { AdminDevice, DeviceKind, EnrolmentStatus, EnrolmentTicket } from '@gfa/shared';
import type { Db } from '../db/database.js';
import {
  deleteExpiredEnrolments,
  findAdminDevice,
  findEnrolmentByRequestHash,
  findPendingByCode,
  getEnrolment,
  insertEnrolment,
  pendingEnrolments,
  revokeDeviceRow,
  setDeviceToken,
  setEnrolmentStatus,
} from '../db/device-store.js';
import { createDevice } from '../db/staff-store.js';
import { hashToken, newToken } from './secrets.js';

export const ENROLMENT_TTL_MS = 15 * 60_000;
/** A LAN flood of requests cannot bury the real one in the administrator's list. */
const MAX_PENDING = 20;
const MAX_PENDING_PER_IP = 3;

export type EnrolmentRefusal = 'too_many' | 'unknown_code' | 'unknown_request' | 'not_pending';

export type Outcome<T> = { ok: true; value: T } | { ok: false; reason: EnrolmentRefusal };

function freshCode(db: Db, now: number): string {
  for (;;) {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    if (!findPendingByCode(db, code, now)) return code;
  }
}

export function requestEnrolment(
  db: Db,
  request: { kind: DeviceKind; hostname: string; ip: string },
  now: number,
): Outcome<EnrolmentTicket & { id: string }> {
  deleteExpiredEnrolments(db, now);
  const pending = pendingEnrolments(db, now);
  if (
    pending.length >= MAX_PENDING ||
    pending.filter((p) => p.ip === request.ip).length >= MAX_PENDING_PER_IP
  )
    return { ok: false, reason: 'too_many' };
  const requestId = newToken();
  const id = randomUUID();
  const code = freshCode(db, now);
  const expiresAt = now + ENROLMENT_TTL_MS;
  insertEnrolment(db, {
    id,
    requestHash: hashToken(requestId),
    code,
    ...request,
    status: 'pending',
    deviceId: null,
    createdAt: now,
    expiresAt,
  });
  return { ok: true, value: { id, requestId, code, expiresAt } };
}

/** What the polling shell learns; an approved request hands its token over exactly once. */
export function collectEnrolment(db: Db, requestId: string, now: number): Outcome<EnrolmentStatus> {
  const row = findEnrolmentByRequestHash(db, hashToken(requestId), now);
  if (!row || row.status === 'delivered') return { ok: false, reason: 'unknown_request' };
  if (row.status === 'pending') return { ok: true, value: { status: 'pending' } };
  if (row.status === 'refused') return { ok: true, value: { status: 'refused' } };
  const device = row.deviceId ? findAdminDevice(db, row.deviceId) : null;
  if (!device?.active) return { ok: false, reason: 'unknown_request' };
  const deviceToken = newToken();
  setDeviceToken(db, device.id, hashToken(deviceToken));
  setEnrolmentStatus(db, row.id, 'delivered', device.id);
  return { ok: true, value: { status: 'approved', deviceToken, name: device.name, kind: device.kind } };
}

export function approveEnrolment(
  db: Db,
  approval: { code: string; name: string; kind: DeviceKind },
  now: number,
): Outcome<{ device: AdminDevice; requestedKind: DeviceKind; ip: string }> {
  const row = findPendingByCode(db, approval.code, now);
  if (!row) return { ok: false, reason: 'unknown_code' };
  const id = randomUUID();
  // Nobody knows this token: the real one is made when the shell collects it.
  createDevice(db, {
    id,
    kind: approval.kind,
    name: approval.name,
    hostname: row.hostname,
    tokenHash: hashToken(newToken()),
    createdAt: now,
  });
  setEnrolmentStatus(db, row.id, 'approved', id);
  const device = findAdminDevice(db, id) as AdminDevice;
  return { ok: true, value: { device, requestedKind: row.kind, ip: row.ip } };
}

export function refuseEnrolment(db: Db, id: string, now: number): Outcome<{ hostname: string }> {
  const row = getEnrolment(db, id);
  if (!row || row.expiresAt <= now) return { ok: false, reason: 'unknown_request' };
  if (row.status !== 'pending') return { ok: false, reason: 'not_pending' };
  setEnrolmentStatus(db, id, 'refused');
  return { ok: true, value: { hostname: row.hostname } };
}

export function revokeDevice(db: Db, id: string, now: number): AdminDevice | null {
  if (!findAdminDevice(db, id)) return null;
  revokeDeviceRow(db, id, now);
  return findAdminDevice(db, id);
}
