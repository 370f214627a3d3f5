/** The `gfa` commands: serve, migrate, user add, device add. */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Role, DeviceKind, SaveUserRequest } from '@gfa/shared';
import { passwordProblem } from '../admin/validate-config.js';
import { loadConfig } from '../db/config-store.js';
import { databaseFile, defaultDataDir, openDatabase, type OpenDatabase } from '../db/database.js';
import { createDevice, createUser, findUserByLogin } from '../db/staff-store.js';
import { seedDemo, type DemoSeed } from '../demo/seed-demo.js';
import { advertise } from '../discovery/mdns.js';
import { hashPassword, hashToken, newToken } from '../security/secrets.js';
import { localDay } from '../calendar/local-time.js';
import { startServer } from '../web/server.js';
import { readStdin } from './read-stdin.js';

import { CliError } from './cli-error.js';
import { journalCli } from './cli-journal.js';

export { CliError };

export interface ServeOptions {
  dataDir?: string;
  host: string;
  port: string;
  demo?: boolean;
  mdns: boolean;
}

function withDatabase<T>(dataDir: string | undefined, run: (db: OpenDatabase) => T): T {
  const database = openDatabase(databaseFile(dataDir ?? defaultDataDir()));
  try {
    return run(database);
  } finally {
    database.close();
  }
}

export async function serve(options: ServeOptions): Promise<void> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError(`Port invalide : ${options.port}`);
  let demo: DemoSeed | null = null;
  const server = await startServer({
    dataDir,
    host: options.host,
    port,
    logger: process.env.GFA_LOG === '1',
    seed: options.demo
      ? async (db, now) => {
          demo = await seedDemo(db, localDay(now), now);
        }
      : undefined,
  });
  const ad = options.mdns
    ? advertise({
        port: server.port,
        // The centre's site name lets a shell tell two GFA servers apart (a test box beside the real one).
        site: server.service.centre().sites[0]?.name ?? 'CES',
        fingerprint256: server.fingerprint256,
      })
    : null;
  const shown = options.host === '0.0.0.0' ? `https://${hostname()}:${server.port}` : server.url;
  console.log(`GFA prêt : ${shown}`);
  console.log(`Empreinte de l’autorité GFA (SHA-256) : ${server.fingerprint256}`);
  console.log(`Données : ${dataDir}`);
  if (demo) printDemo(demo, shown);
  const stop = async (): Promise<void> => {
    await ad?.stop();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

function printDemo(demo: DemoSeed, url: string): void {
  console.log(`\nCentre de démonstration : ${demo.appointments} rendez-vous aujourd'hui.`);
  console.log(`Comptes (mot de passe « demo », double authentification non exigée en démonstration) :`);
  for (const u of demo.logins)
    console.log(`  ${u.login.padEnd(12)} ${u.displayName} (${u.roles.join(', ')})`);
  console.log(`Borne : ${url}/kiosk/?device=${demo.deviceTokens.kiosk}`);
  console.log(`Écran : ${url}/display/?device=${demo.deviceTokens.display}`);
  console.log(`Jeton borne : ${demo.deviceTokens.kiosk}`);
  console.log(`Jeton écran : ${demo.deviceTokens.display}`);
}

export function migrate(dataDir?: string): void {
  withDatabase(dataDir, (db) => console.log(`Base à jour : schéma version ${db.schemaVersion}.`));
}

export async function addUser(options: {
  dataDir?: string;
  login: string;
  name?: string;
  role: string[];
  category: string[];
  passwordStdin?: boolean;
}): Promise<void> {
  const roles = options.role.map((r) => {
    const parsed = Role.safeParse(r);
    if (!parsed.success) throw new CliError(`Rôle inconnu : ${r} (user, supervisor ou administrator).`);
    return parsed.data;
  });
  if (!options.passwordStdin)
    throw new CliError('Le mot de passe se donne sur l’entrée standard : --password-stdin.');
  const password = await readStdin();
  // The same rule as Administration › Utilisateurs.
  const weak = passwordProblem(password);
  if (weak) throw new CliError(weak);
  // The same limits as the screens' (one source: the protocol's schema).
  const fields = SaveUserRequest.pick({ login: true, displayName: true }).safeParse({
    login: options.login,
    displayName: options.name ?? options.login,
  });
  if (!fields.success) {
    const issue = fields.error.issues[0];
    const what = issue?.path[0] === 'login' ? 'Identifiant' : 'Nom affiché';
    throw new CliError(
      issue && 'maximum' in issue
        ? `${what} trop long : ${String(issue.maximum)} caractères au plus.`
        : `${what} refusé : ${issue?.message ?? ''}.`,
    );
  }
  const passwordHash = await hashPassword(password);
  withDatabase(options.dataDir, ({ db }) => {
    if (findUserByLogin(db, options.login))
      throw new CliError(`L’identifiant « ${options.login} » existe déjà.`);
    const known = new Set(loadConfig(db).categories.map((c) => c.id));
    const unknown = options.category.filter((c) => !known.has(c));
    if (unknown.length) throw new CliError(`Catégorie inconnue : ${unknown.join(', ')}.`);
    // Every administrator is also supervisor and user; every supervisor is also user.
    const all = new Set<Role>(['user', ...roles]);
    if (all.has('administrator')) all.add('supervisor');
    const id = randomUUID();
    // The account and its journal entry in one transaction: no account appears untraced.
    db.transaction((tx) => {
      createUser(tx, {
        id,
        login: options.login,
        displayName: options.name ?? options.login,
        passwordHash,
        roles: [...all],
        categoryIds: options.category,
        reasonIds: [],
        defaultRoomId: null,
        createdAt: Date.now(),
      });
      journalCli(tx, 'user.created', { userId: id, login: options.login, roles: [...all] });
    });
  });
  console.log(`Utilisateur « ${options.login} » créé.`);
}

export function addDevice(options: { dataDir?: string; kind: string; name: string }): void {
  const kind = DeviceKind.safeParse(options.kind);
  if (!kind.success) throw new CliError(`Type d’appareil inconnu : ${options.kind} (kiosk ou display).`);
  const token = newToken();
  const id = randomUUID();
  withDatabase(options.dataDir, ({ db }) =>
    db.transaction((tx) => {
      createDevice(tx, {
        id,
        kind: kind.data,
        name: options.name,
        tokenHash: hashToken(token),
        createdAt: Date.now(),
      });
      // What the device is, never its token.
      journalCli(tx, 'device.created', { deviceId: id, kind: kind.data, name: options.name });
    }),
  );
  console.log(`Appareil « ${options.name} » créé. Jeton (affiché une seule fois) : ${token}`);
}
