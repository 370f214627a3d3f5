/**
 * Checks of the administrator's changes, in French, before anything is
 * written: a journey template must be a valid precedence graph over existing
 * targets; accounts, codes and rules must refer to what exists. Pure.
 */
import type { AdminUser, AlertRule, CentreConfig, StepTemplate } from '@gfa/shared';

export type Problem = string | null;

const first = (problems: Problem[]): Problem => problems.find((p) => p !== null) ?? null;

function targetProblem(step: StepTemplate, config: CentreConfig): Problem {
  const t = step.target;
  const known =
    t.kind === 'category'
      ? config.categories.some((c) => c.id === t.categoryId)
      : t.kind === 'professional'
        ? config.professionals.some((p) => p.id === t.professionalId)
        : t.kind === 'reason'
          ? config.reasons.some((r) => r.id === t.reasonId)
          : config.categories.some((c) => c.id === t.fallbackCategoryId);
  return known ? null : `Étape « ${step.label} » : destinataire inconnu.`;
}

/** Kahn's algorithm: a step order exists iff the "after" graph has no cycle. */
function hasCycle(steps: readonly StepTemplate[]): boolean {
  const remaining = new Map(steps.map((s) => [s.key, new Set(s.after)]));
  let progressed = true;
  while (remaining.size > 0 && progressed) {
    progressed = false;
    for (const [key, after] of remaining) {
      if ([...after].every((k) => !remaining.has(k))) {
        remaining.delete(key);
        progressed = true;
      }
    }
  }
  return remaining.size > 0;
}

export function templateProblem(steps: readonly StepTemplate[], config: CentreConfig): Problem {
  const keys = steps.map((s) => s.key);
  const duplicate = keys.find((k, i) => keys.indexOf(k) !== i);
  if (duplicate) return `Deux étapes portent le même code « ${duplicate} ».`;
  if (steps.every((s) => s.optional)) return 'Le parcours doit comporter au moins une étape obligatoire.';
  for (const step of steps) {
    const unknown = step.after.find((k) => !keys.includes(k));
    if (unknown) return `Étape « ${step.label} » : elle suit une étape inconnue « ${unknown} ».`;
    if (step.after.includes(step.key))
      return `Étape « ${step.label} » : elle ne peut pas se suivre elle-même.`;
  }
  if (hasCycle(steps)) return 'Les contraintes d’ordre forment une boucle : aucun ordre possible.';
  return first(steps.map((s) => targetProblem(s, config)));
}

/** ANSSI-style rule for staff passwords: 12 characters or more, at least three kinds of characters. */
export function passwordProblem(password: string): Problem {
  if (password.length < 12) return 'Le mot de passe doit comporter au moins 12 caractères.';
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  return kinds >= 3
    ? null
    : 'Le mot de passe doit mêler au moins trois types de caractères (minuscules, majuscules, chiffres, symboles).';
}

export function userProblem(
  user: AdminUser,
  password: string | undefined,
  others: readonly AdminUser[],
  config: CentreConfig,
): Problem {
  const existing = others.find((u) => u.id === user.id);
  return first([
    others.some((u) => u.id !== user.id && u.login === user.login)
      ? `L’identifiant « ${user.login} » est déjà utilisé.`
      : null,
    !existing && !password ? 'Un mot de passe est obligatoire pour un nouveau compte.' : null,
    password ? passwordProblem(password) : null,
    user.categoryIds.some((id) => !config.categories.some((c) => c.id === id)) ? 'Catégorie inconnue.' : null,
    user.reasonIds.some((id) => !config.reasons.some((r) => r.id === id)) ? 'Motif inconnu.' : null,
    user.defaultRoomId && !config.rooms.some((r) => r.id === user.defaultRoomId) ? 'Salle inconnue.' : null,
  ]);
}

/** Codes (of categories, of reasons) are unique, whatever the case. */
export function codeProblem(
  id: string,
  code: string,
  existing: readonly { id: string; code: string }[],
): Problem {
  return existing.some((e) => e.id !== id && e.code.toLowerCase() === code.toLowerCase())
    ? `Le code « ${code} » est déjà utilisé.`
    : null;
}

export function alertRulesProblem(rules: readonly AlertRule[], config: CentreConfig): Problem {
  const ids = rules.map((r) => r.id);
  return first([
    ids.some((id, i) => ids.indexOf(id) !== i) ? 'Deux règles d’alerte portent le même identifiant.' : null,
    rules.some((r) => r.reasonId && !config.reasons.some((x) => x.id === r.reasonId))
      ? 'Règle d’alerte : motif inconnu.'
      : null,
    rules.some((r) => r.categoryId && !config.categories.some((x) => x.id === r.categoryId))
      ? 'Règle d’alerte : catégorie inconnue.'
      : null,
  ]);
}
