/**
 * Two-factor login (TOTP, RFC 6238), session rules and the audit trail
 * search. A login whose password is right but that needs a second factor
 * gets a short-lived challenge instead of a session.
 */
import { z } from 'zod';
import { DayString, Role } from '../domain/model.js';
import { AuditEventType, DomainEventType, JournalEntry } from '../domain/events.js';
import { SessionDto } from './dto.js';

/** Six digits from the authenticator app, or one recovery code ("ABCD-EFGH"). */
export const SecondFactorCode = z
  .string()
  .trim()
  .regex(/^(\d{6}|[A-Za-z0-9]{4}-?[A-Za-z0-9]{4})$/, 'code à 6 chiffres ou code de secours');

export const TotpSetup = z.object({
  challenge: z.string(),
  /** Base32 secret, for typing into the app when the QR code cannot be scanned. */
  secret: z.string(),
  otpauthUri: z.string(),
  /** The otpauth URI as an SVG QR code (rendered as an image, never as markup). */
  qrSvg: z.string(),
});
export type TotpSetup = z.infer<typeof TotpSetup>;

export const LoginStep = z.discriminatedUnion('next', [
  z.object({ next: z.literal('totp'), challenge: z.string() }),
  /** Second factor mandatory for this account and not set up yet: set it up now. */
  z.object({ next: z.literal('totp-setup'), ...TotpSetup.shape }),
]);
export type LoginStep = z.infer<typeof LoginStep>;

export const LoginResponse = z.union([SessionDto, LoginStep]);
export type LoginResponse = z.infer<typeof LoginResponse>;

export const SecondFactorRequest = z.object({
  challenge: z.string().min(16).max(128),
  code: SecondFactorCode,
});

/** Shown once, after a setup: each recovery code opens one login without the app. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });

export const SecondFactorResponse = SessionDto.extend({ recoveryCodes: z.array(z.string()).optional() });
export type SecondFactorResponse = z.infer<typeof SecondFactorResponse>;

export const AccountSecurity = z.object({
  totpEnabled: z.boolean(),
  totpRequired: z.boolean(),
  recoveryCodesLeft: z.number().int().nonnegative(),
  activeSessions: z.number().int().nonnegative(),
});
export type AccountSecurity = z.infer<typeof AccountSecurity>;

export const SecuritySettings = z.object({
  /** A staff session with no request for this long ends (devices are not concerned). */
  idleMinutes: z.number().int().min(5, 'au moins 5 minutes').max(720, 'au plus 12 heures'),
  /** Roles that must use a second factor. */
  totpRequiredFor: z.array(Role),
});
export type SecuritySettings = z.infer<typeof SecuritySettings>;

export const AuditQuery = z.object({
  from: DayString,
  to: DayString,
  type: z.union([DomainEventType, AuditEventType]).optional(),
  /** Free text searched in the actor's login/name and the record's data. */
  q: z.string().trim().max(80).optional(),
  format: z.enum(['csv', 'xlsx']).optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditRecord = JournalEntry.extend({
  /** Who acted, readable: a login, a device name, or "système". */
  actorLabel: z.string(),
  /** This record's link in the hash chain. */
  hash: z.string(),
});
export type AuditRecord = z.infer<typeof AuditRecord>;

export const AuditPage = z.object({
  records: z.array(AuditRecord),
  /** True when more matched than the page holds (narrow the period or the search). */
  truncated: z.boolean(),
  chain: z.object({ ok: z.boolean(), records: z.number().int(), reason: z.string().nullable() }),
});
export type AuditPage = z.infer<typeof AuditPage>;
