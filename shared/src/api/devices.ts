/**
 * Device enrolment: a kiosk, display or workstation shell asks to join and
 * shows a 6-digit code; an administrator types that code in
 * Administration › Appareils, names the device and confirms its kind; the
 * shell collects a revocable token limited to its kind's rights.
 */
import { z } from 'zod';
import { DeviceKind, Id, Millis } from '../domain/model.js';

export const EnrolmentRequest = z.object({
  kind: DeviceKind,
  /** The computer name, shown to the administrator to recognise the request. */
  hostname: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\p{L}\p{N} ._-]+$/u, 'nom d’ordinateur invalide'),
});
export type EnrolmentRequest = z.infer<typeof EnrolmentRequest>;

export const EnrolmentCode = z.string().regex(/^\d{6}$/, 'le code compte 6 chiffres');

export const EnrolmentTicket = z.object({
  /** The shell's secret for polling: never shown on screen. */
  requestId: z.string().min(32).max(128),
  code: EnrolmentCode,
  expiresAt: Millis,
});
export type EnrolmentTicket = z.infer<typeof EnrolmentTicket>;

export const EnrolmentParams = z.object({ requestId: z.string().min(32).max(128) });

export const EnrolmentStatus = z.discriminatedUnion('status', [
  z.object({ status: z.literal('pending') }),
  /** Delivered once: the next poll answers 404. */
  z.object({
    status: z.literal('approved'),
    deviceToken: z.string().min(1),
    name: z.string(),
    kind: DeviceKind,
  }),
  z.object({ status: z.literal('refused') }),
]);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

/** A request waiting for the administrator (its code is deliberately not listed: it is read on the device). */
export const PendingEnrolment = z.object({
  id: Id,
  kind: DeviceKind,
  hostname: z.string(),
  ip: z.string(),
  createdAt: Millis,
  expiresAt: Millis,
});
export type PendingEnrolment = z.infer<typeof PendingEnrolment>;

export const AdminDevice = z.object({
  id: Id,
  kind: DeviceKind,
  name: z.string(),
  hostname: z.string().nullable(),
  active: z.boolean(),
  createdAt: Millis,
  lastSeenAt: Millis.nullable(),
  revokedAt: Millis.nullable(),
});
export type AdminDevice = z.infer<typeof AdminDevice>;

export const DevicesDto = z.object({ devices: z.array(AdminDevice), pending: z.array(PendingEnrolment) });
export type DevicesDto = z.infer<typeof DevicesDto>;

export const ApproveEnrolmentRequest = z.object({
  code: EnrolmentCode,
  name: z.string().trim().min(1, 'nom obligatoire').max(60),
  kind: DeviceKind,
});
export type ApproveEnrolmentRequest = z.infer<typeof ApproveEnrolmentRequest>;

export const DeviceKindLabels: Record<DeviceKind, string> = {
  kiosk: 'Borne d’accueil',
  display: 'Écran d’appel',
  workstation: 'Poste professionnel',
};

/** The administrator's code that lets a kiosk leave kiosk mode (digits: typed on the kiosk's pad). */
export const KioskExitCode = z.string().regex(/^\d{4,12}$/, 'le code compte 4 à 12 chiffres');

export const SaveKioskExitCodeRequest = z.object({ code: KioskExitCode });

export const KioskExitCodeStatus = z.object({ set: z.boolean(), changedAt: Millis.nullable() });
export type KioskExitCodeStatus = z.infer<typeof KioskExitCodeStatus>;

export const KioskExitRequest = z.object({ code: z.string().max(32) });

/** What the kiosk shell does: leave kiosk mode, say the code is wrong, or say it is locked for a minute. */
export const KioskExitVerdict = z.object({ verdict: z.enum(['exit', 'wrong-code', 'locked']) });
export type KioskExitVerdict = z.infer<typeof KioskExitVerdict>;
