/** Who is calling, and the access rules of routes and WS topics. */
import { z } from 'zod';
import { DeviceKind, Id, Role } from '../domain/model.js';

/** The workstation tabs an account may open on. */
export const LandingTab = z.enum(['desk', 'reception', 'supervision', 'administration']);
export type LandingTab = z.infer<typeof LandingTab>;

export const Principal = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    id: Id,
    login: z.string(),
    displayName: z.string(),
    roles: z.array(Role),
    /** Set when the user takes consultants in charge (has categories or reasons). */
    professionalId: Id.nullable(),
    categoryIds: z.array(Id),
    /** Set by the administrator; absent or null = the role decides. */
    landingTab: LandingTab.nullable().optional(),
  }),
  z.object({ kind: z.literal('device'), id: Id, deviceKind: DeviceKind, name: z.string() }),
]);
export type Principal = z.infer<typeof Principal>;

/** The classes a route or topic may be opened to. administrator ⊃ supervisor ⊃ user. */
export type PrincipalClass = 'kiosk' | 'display' | 'workstation' | 'user' | 'supervisor' | 'administrator';
/** `integration`: an agenda's API key (checked by the server against its integrations), never a session. */
export type Access =
  'public' | 'authenticated' | 'integration' | { readonly principals: readonly PrincipalClass[] };

export function principalClasses(principal: Principal): PrincipalClass[] {
  if (principal.kind === 'device') return [principal.deviceKind];
  const classes: PrincipalClass[] = ['user'];
  if (principal.roles.includes('supervisor') || principal.roles.includes('administrator'))
    classes.push('supervisor');
  if (principal.roles.includes('administrator')) classes.push('administrator');
  return classes;
}

export function principalHasAccess(principal: Principal | null, access: Access): boolean {
  if (access === 'public') return true;
  if (!principal || access === 'integration') return false;
  // An enrolled workstation only proves the computer is trusted: a person still has to log in.
  if (principal.kind === 'device' && principal.deviceKind === 'workstation') return false;
  if (access === 'authenticated') return true;
  const mine = principalClasses(principal);
  return access.principals.some((c) => mine.includes(c));
}
