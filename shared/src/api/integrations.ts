/**
 * Agenda integrations: an agenda pushes its appointments (JSON) with an API
 * key the administrator created; same validation and per-source rules as a
 * file, idempotent by the agenda's own appointment id.
 */
import { z } from 'zod';
import { pushShape } from '../domain/appointment-fields.js';
import { Id, Millis } from '../domain/model.js';

export const Integration = z.object({
  id: Id,
  name: z.string().min(1).max(80),
  source: z.string().min(1).max(60),
  profile: z.string().min(1).max(60),
  createdAt: Millis,
  revokedAt: Millis.nullable(),
  lastUsedAt: Millis.nullable(),
});
export type Integration = z.infer<typeof Integration>;

export const Integrations = z.object({ integrations: z.array(Integration) });

export const CreateIntegrationRequest = z.object({
  name: z.string().trim().min(1).max(80),
  /** The agenda its appointments belong to (default: the name). */
  source: z.string().trim().min(1).max(60).optional(),
  /** The import profile whose value mapping applies (default « standard »). */
  profile: z.string().trim().min(1).max(60).optional(),
});

/** The key is shown once, here; GFA keeps only its hash. */
export const CreatedIntegration = z.object({ integration: Integration, key: z.string() });
export type CreatedIntegration = z.infer<typeof CreatedIntegration>;

/**
 * One appointment as the agenda sends it: its words, checked as a file's
 * cells are (dates JJ/MM/AAAA or AAAA-MM-JJ, time HH:MM, reason and
 * professional by label, code or the profile's value mapping). Lengths are
 * checked against the protocol's limits with a message per appointment.
 */
export const PushedAppointment = z.object(pushShape);

export const AgendaPush = z.object({
  /** Errors name the appointment by its rank in this list (1 = first) in `line`. */
  appointments: z.array(PushedAppointment).min(1).max(5000),
});
export type AgendaPush = z.infer<typeof AgendaPush>;
