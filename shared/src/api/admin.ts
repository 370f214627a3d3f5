/** Bodies of the administration routes (the centre's configuration). */
import { z } from 'zod';
import { AlertRule, Category, Id, Role, Room, StepTemplate, VisitReason } from '../domain/model.js';
import { LandingTab } from './principal.js';

export const IdParams = z.object({ id: Id });

/** A staff account as the administrator sees it (never a password hash). */
export const AdminUser = z.object({
  id: Id,
  login: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  categoryIds: z.array(Id),
  reasonIds: z.array(Id),
  defaultRoomId: Id.nullable(),
  active: z.boolean(),
  landingTab: LandingTab.nullable().optional(),
});
export type AdminUser = z.infer<typeof AdminUser>;

export const AdminUsers = z.object({ users: z.array(AdminUser) });

export const SaveUserRequest = z.object({
  login: z
    .string()
    .trim()
    .min(2, 'identifiant trop court')
    .max(64)
    .regex(/^[a-z0-9._-]+$/, 'identifiant : lettres minuscules, chiffres, point, tiret'),
  displayName: z.string().trim().min(1, 'nom obligatoire').max(120),
  roles: z.array(Role).min(1, 'au moins un rôle'),
  categoryIds: z.array(Id),
  reasonIds: z.array(Id),
  defaultRoomId: Id.nullable(),
  active: z.boolean(),
  /** The tab the account opens on; null = by role. */
  landingTab: LandingTab.nullable().optional(),
  /** Required for a new account; when present on an existing one, replaces its password. */
  password: z.string().min(1).max(256).optional(),
});
export type SaveUserRequest = z.infer<typeof SaveUserRequest>;

export const SaveCategoryRequest = Category.omit({ id: true });
export const SaveRoomRequest = Room.omit({ id: true, siteId: true });
export const SaveReasonRequest = VisitReason.omit({ id: true });
export const SaveTemplateRequest = z.object({ steps: z.array(StepTemplate).min(1, 'au moins une étape') });
export const SaveAlertRulesRequest = z.object({ rules: z.array(AlertRule).max(50) });
