/**
 * Writes the demo centre into a database: the whole configuration on a
 * fresh database, and today's appointments on every start (idempotent).
 */
import type { Db } from '../db/database.js';
import { upsertAppointments } from '../db/appointment-store.js';
import { saveCategory, saveReason, saveRoom, saveSite, saveTemplate } from '../db/config-store.js';
import { countUsers, createDevice, createUser } from '../db/staff-store.js';
import { hashPassword, hashToken } from '../security/secrets.js';
import { readSetting, writeSetting } from '../db/settings-store.js';
import { buildDemoCentre } from './demo-centre.js';
import { writeTransaction } from '../db/tx.js';

/** Demo-only credentials, printed by `gfa serve --demo`; never used outside the demo. */
export const DEMO_PASSWORD = 'demo';
export const DEMO_DEVICE_TOKENS = {
  kiosk: 'demo-borne-accueil-0001',
  display: 'demo-ecran-salle-0001',
} as const;

export interface DemoSeed {
  readonly logins: { login: string; displayName: string; roles: string[] }[];
  readonly deviceTokens: typeof DEMO_DEVICE_TOKENS;
  readonly appointments: number;
}

export async function seedDemo(db: Db, day: string, now: number): Promise<DemoSeed> {
  const centre = buildDemoCentre(day);
  if (countUsers(db) === 0) {
    const hash = await hashPassword(DEMO_PASSWORD);
    writeTransaction(db, (tx) => {
      saveSite(tx, centre.site);
      centre.categories.forEach((c) => saveCategory(tx, c));
      centre.rooms.forEach((r) => saveRoom(tx, r));
      centre.reasons.forEach((r) => saveReason(tx, r));
      for (const [reasonId, steps] of Object.entries(centre.journeys)) saveTemplate(tx, reasonId, steps, now);
      for (const u of centre.users) {
        createUser(tx, { ...u, passwordHash: hash, defaultRoomId: u.roomId, createdAt: now });
      }
      createDevice(tx, {
        id: 'borne-1',
        kind: 'kiosk',
        name: "Borne de l'entrée",
        tokenHash: hashToken(DEMO_DEVICE_TOKENS.kiosk),
        createdAt: now,
      });
      createDevice(tx, {
        id: 'ecran-1',
        kind: 'display',
        name: "Écran salle d'attente",
        tokenHash: hashToken(DEMO_DEVICE_TOKENS.display),
        createdAt: now,
      });
      // The demo's one-word passwords are typed by people trying the product: no second factor to
      // set up first. A real installation keeps the default (administrators and supervisors).
      writeSetting(tx, 'securitySettings', { ...readSetting(tx, 'securitySettings'), totpRequiredFor: [] });
    });
  }
  upsertAppointments(db, centre.appointments);
  return {
    logins: centre.users.map((u) => ({ login: u.login, displayName: u.displayName, roles: u.roles })),
    deviceTokens: DEMO_DEVICE_TOKENS,
    appointments: centre.appointments.length,
  };
}
