/**
 * Login (password, then a second factor when the account has or needs one),
 * logout, logout everywhere, "Mon compte › Sécurité" and the administrator's
 * security settings. Every outcome goes to the audit journal.
 */
import type { Role, SessionDto } from '@gfa/shared';
import { acceptTotpStep } from '../db/auth-store.js';
import {
  countUserSessions,
  deleteUserSessions,
  getUser,
  setUserSecondFactor,
  type UserRow,
} from '../db/staff-store.js';
import { LoginChallenges } from '../security/login-challenges.js';
import { totpRequired } from '../security/security-settings.js';
import { readSetting, writeSetting } from '../db/settings-store.js';
import {
  checkPassword,
  closeSession,
  loginDevice,
  openUserSession,
  principalOf,
  type OpenedSession,
} from '../security/sessions.js';
import {
  hashRecoveryCodes,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  qrSvg,
  totpStep,
  useRecoveryCode,
} from '../security/totp.js';
import { ApiFailure } from './api-failure.js';
import { auditor } from '../db/journal-audit.js';
import { recordChange } from '../db/record-change.js';
import { writeTransaction } from '../db/tx.js';
import { SESSION_COOKIE, actorOf, requirePrincipal } from './principal-context.js';
import { QueueFullError } from '../security/work-queue.js';
import { AttemptThrottle, type Attempt } from './rate-limit.js';
import type { HandlerDeps, Handlers, RequestContext } from './handler-types.js';

type AuthRoute =
  | 'login'
  | 'secondFactor'
  | 'logout'
  | 'logoutEverywhere'
  | 'me'
  | 'accountSecurity'
  | 'startTotpSetup'
  | 'confirmTotpSetup'
  | 'resetUserTotp'
  | 'securitySettings'
  | 'saveSecuritySettings';

const BAD_CODE = new ApiFailure('unauthenticated', 'Code incorrect ou expiré.');
const EXPIRED = new ApiFailure(
  'unauthenticated',
  'Étape de connexion expirée : saisissez à nouveau votre mot de passe.',
);
const BAD_SETUP_CODE = new ApiFailure('bad_request', 'Code incorrect ou expiré.');
const SETUP_EXPIRED = new ApiFailure('bad_request', 'Activation expirée : recommencez.');
const TOO_MANY = new ApiFailure('rate_limited', 'Trop de tentatives : réessayez dans une minute.');
const BUSY = new ApiFailure(
  'rate_limited',
  'Trop de connexions en cours depuis ce poste : réessayez dans un instant.',
);

/** Runs a check holding its reserved attempt; the reservation is freed whatever happens. */
async function holding<T>(attempt: Attempt | null, check: (attempt: Attempt) => Promise<T>): Promise<T> {
  if (!attempt) throw TOO_MANY;
  try {
    return await check(attempt);
  } catch (error) {
    throw error instanceof QueueFullError ? BUSY : error;
  } finally {
    attempt.release();
  }
}

export type AuthDeps = Pick<HandlerDeps, 'db' | 'service' | 'disconnect' | 'sessionCheck'>;

export function createAuthHandlers(deps: AuthDeps): Pick<Handlers, AuthRoute> {
  const { db, service } = deps;
  const throttle = new AttemptThrottle(db);
  const challenges = new LoginChallenges();
  const audit = auditor(db, () => service.now());
  const userRef = (id: string) => ({ kind: 'user', id }) as const;

  const grant = (ctx: RequestContext<AuthRoute>, session: OpenedSession): SessionDto => {
    audit('auth.login', actorOf(session.principal).ref);
    ctx.reply.setCookie(SESSION_COOKIE, session.token, {
      httpOnly: true,
      secure: true,
      sameSite: 'strict',
      path: '/',
      expires: new Date(session.expiresAt),
    });
    return session;
  };

  const setup = async (user: UserRow, login: boolean) => {
    const secret = newTotpSecret();
    const uri = otpauthUri(user.login, secret);
    const challenge = challenges.issue({ userId: user.id, setupSecret: secret, login }, service.now());
    return { challenge, secret, otpauthUri: uri, qrSvg: await qrSvg(uri) };
  };

  /**
   * Checks a code for the challenge's user; returns the recovery codes made by a setup. A wrong code is
   * 401 while logging in, 400 from « Mon compte » (the session itself is fine).
   */
  const checkCode = async (
    challengeId: string,
    code: string,
    wrong = BAD_CODE,
  ): Promise<{ user: UserRow; recovery: string[] }> => {
    const now = service.now();
    const challenge = challenges.peek(challengeId, now);
    const user = challenge ? getUser(db, challenge.userId) : undefined;
    if (!challenge || !user?.active) throw EXPIRED;
    return holding(throttle.reserve(`2fa|${user.id}`, now), async (attempt) => {
      const refuse = (): never => {
        challenges.fail(challengeId);
        attempt.fail(service.now());
        audit(
          'auth.login_failed',
          { kind: 'system', id: 'auth' },
          { login: user.login, step: 'second-factor' },
        );
        throw wrong;
      };
      const secret = challenge.setupSecret ?? user.totpSecret;
      const step = secret ? totpStep(secret, code, now) : null;
      if (step !== null) {
        if (!acceptTotpStep(db, user.id, step)) refuse();
        challenges.consume(challengeId);
        attempt.succeed();
        if (!challenge.setupSecret) return { user, recovery: [] };
        const recovery = newRecoveryCodes();
        const hashes = await hashRecoveryCodes(recovery);
        db.transaction(() => {
          setUserSecondFactor(db, user.id, challenge.setupSecret, hashes);
          audit('auth.totp_enabled', userRef(user.id), { login: user.login });
        });
        return { user, recovery };
      }
      // A recovery code only replaces an app that is already set up.
      const left =
        !challenge.setupSecret && user.recoveryCodes ? await useRecoveryCode(user.recoveryCodes, code) : null;
      if (!left) return refuse();
      challenges.consume(challengeId);
      attempt.succeed();
      db.transaction(() => {
        setUserSecondFactor(db, user.id, user.totpSecret, left);
        audit('auth.recovery_code_used', userRef(user.id), { left: left.length });
      });
      return { user, recovery: [] };
    });
  };

  return {
    login: async (ctx) => {
      const now = service.now();
      const body = ctx.body;
      const key = `${'login' in body ? body.login : 'device'}|${ctx.ip}`;
      if ('deviceToken' in body) {
        const deviceToken = body.deviceToken;
        return holding(throttle.reserve(key, now), async (attempt) => {
          const session = loginDevice(db, deviceToken, now);
          if (!session) {
            attempt.fail(now);
            audit('auth.login_failed', { kind: 'system', id: 'auth' }, { login: 'device' });
            throw new ApiFailure('unauthenticated', 'Appareil non reconnu.');
          }
          attempt.succeed();
          return grant(ctx, session);
        });
      }
      const user = await holding(throttle.reserve(key, now), async (attempt) => {
        const found = await checkPassword(db, body.login, body.password, ctx.ip);
        if (!found) {
          attempt.fail(service.now());
          audit('auth.login_failed', { kind: 'system', id: 'auth' }, { login: body.login });
          throw new ApiFailure('unauthenticated', 'Identifiant ou mot de passe incorrect.');
        }
        attempt.succeed();
        return found;
      });
      if (user.totpSecret)
        return {
          next: 'totp',
          challenge: challenges.issue({ userId: user.id, setupSecret: null, login: true }, now),
        };
      if (totpRequired(readSetting(db, 'securitySettings'), user.roles as Role[]))
        return { next: 'totp-setup', ...(await setup(user, true)) };
      return grant(ctx, openUserSession(db, user, now));
    },

    secondFactor: async (ctx) => {
      const challenge = challenges.peek(ctx.body.challenge, service.now());
      if (!challenge?.login) throw EXPIRED;
      const { user, recovery } = await checkCode(ctx.body.challenge, ctx.body.code);
      const session = grant(ctx, openUserSession(db, user, service.now()));
      return recovery.length ? { ...session, recoveryCodes: recovery } : session;
    },

    logout: (ctx) => {
      const principal = requirePrincipal(ctx);
      if (ctx.token) closeSession(db, ctx.token);
      audit('auth.logout', actorOf(principal).ref);
      deps.disconnect({ kind: principal.kind, id: principal.id });
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },

    logoutEverywhere: (ctx) => {
      const principal = requirePrincipal(ctx);
      db.transaction(() => {
        const closed = deleteUserSessions(db, principal.id);
        audit('auth.logout_everywhere', actorOf(principal).ref, { sessions: closed });
      });
      deps.disconnect({ kind: 'user', id: principal.id });
      ctx.reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },

    me: (ctx) => {
      const found = ctx.token ? principalOf(db, ctx.token, service.now(), deps.sessionCheck()) : null;
      if (!found || !ctx.token) throw new ApiFailure('unauthenticated', 'Connexion requise.');
      return { token: ctx.token, expiresAt: found.expiresAt, principal: found.principal };
    },

    accountSecurity: (ctx) => {
      const principal = requirePrincipal(ctx);
      const user = getUser(db, principal.id);
      if (!user) throw new ApiFailure('not_found', 'Compte introuvable.');
      return {
        totpEnabled: user.totpSecret !== null,
        totpRequired: totpRequired(readSetting(db, 'securitySettings'), user.roles as Role[]),
        recoveryCodesLeft: user.recoveryCodes?.length ?? 0,
        activeSessions: countUserSessions(db, user.id, service.now()),
      };
    },

    startTotpSetup: async (ctx) => {
      const user = getUser(db, requirePrincipal(ctx).id);
      if (!user) throw new ApiFailure('not_found', 'Compte introuvable.');
      return setup(user, false);
    },

    confirmTotpSetup: async (ctx) => {
      const principal = requirePrincipal(ctx);
      const challenge = challenges.peek(ctx.body.challenge, service.now());
      if (!challenge || challenge.login || challenge.userId !== principal.id) throw SETUP_EXPIRED;
      const { recovery } = await checkCode(ctx.body.challenge, ctx.body.code, BAD_SETUP_CODE);
      return { recoveryCodes: recovery };
    },

    resetUserTotp: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      const user = getUser(db, ctx.params.id);
      if (!user) throw new ApiFailure('not_found', 'Compte introuvable.');
      db.transaction(() => {
        setUserSecondFactor(db, user.id, null, null);
        deleteUserSessions(db, user.id);
        audit('auth.totp_reset', actor, { userId: user.id, login: user.login });
      });
      deps.disconnect({ kind: 'user', id: user.id });
      return { ok: true };
    },

    securitySettings: () => readSetting(db, 'securitySettings'),

    saveSecuritySettings: (ctx) => {
      const actor = actorOf(requirePrincipal(ctx)).ref;
      const before = readSetting(db, 'securitySettings');
      writeTransaction(db, (tx) => {
        writeSetting(tx, 'securitySettings', ctx.body);
        recordChange(tx, {
          at: service.now(),
          actor,
          subject: 'security-settings',
          before,
          after: ctx.body,
        });
      });
      return readSetting(db, 'securitySettings');
    },
  };
}
