/** Reads and writes the centre's configuration (sites, categories, rooms, staff, reasons, journeys; its settings through the registry). */
import { and, desc, eq } from 'drizzle-orm';
import type {
  Category,
  CentreConfig,
  JourneyTemplate,
  Professional,
  Room,
  Site,
  StepTemplate,
  VisitReason,
} from '@gfa/shared';
import type { Db } from './db-handle.js';
import { readSetting } from './settings-store.js';
import * as t from './schema.js';

export function loadConfig(db: Db): CentreConfig {
  const categoryLinks = db.select().from(t.userCategories).all();
  const reasonLinks = db.select().from(t.userReasons).all();
  const professionals: Professional[] = db
    .select()
    .from(t.users)
    .all()
    .map((u) => ({
      id: u.id,
      displayName: u.displayName,
      categoryIds: categoryLinks.filter((l) => l.userId === u.id).map((l) => l.categoryId),
      reasonIds: reasonLinks.filter((l) => l.userId === u.id).map((l) => l.reasonId),
      roomId: u.defaultRoomId,
      active: u.active,
    }))
    .filter((p) => p.categoryIds.length > 0 || p.reasonIds.length > 0);
  return {
    sites: db.select().from(t.sites).all(),
    categories: db.select().from(t.categories).all(),
    rooms: db.select().from(t.rooms).all(),
    professionals,
    reasons: db.select().from(t.reasons).all(),
    templates: currentTemplates(db),
    policy: readSetting(db, 'policy'),
    alertRules: readSetting(db, 'alertRules'),
    openingHours: readSetting(db, 'openingHours'),
  };
}

function toTemplate(row: typeof t.journeyTemplates.$inferSelect): JourneyTemplate {
  return { id: row.id, reasonId: row.reasonId, version: row.version, steps: row.steps as StepTemplate[] };
}

/** The highest version of each reason's template. */
function currentTemplates(db: Db): JourneyTemplate[] {
  const latest = new Map<string, JourneyTemplate>();
  for (const row of db.select().from(t.journeyTemplates).orderBy(t.journeyTemplates.version).all()) {
    latest.set(row.reasonId, toTemplate(row));
  }
  return [...latest.values()];
}

export function getTemplateVersion(db: Db, id: string, version: number): JourneyTemplate | null {
  const row = db
    .select()
    .from(t.journeyTemplates)
    .where(and(eq(t.journeyTemplates.id, id), eq(t.journeyTemplates.version, version)))
    .get();
  return row ? toTemplate(row) : null;
}

export function saveSite(db: Db, site: Site): void {
  db.insert(t.sites).values(site).onConflictDoUpdate({ target: t.sites.id, set: site }).run();
}

export function saveCategory(db: Db, category: Category): void {
  db.insert(t.categories)
    .values(category)
    .onConflictDoUpdate({ target: t.categories.id, set: category })
    .run();
}

export function saveRoom(db: Db, room: Room): void {
  db.insert(t.rooms).values(room).onConflictDoUpdate({ target: t.rooms.id, set: room }).run();
}

export function saveReason(db: Db, reason: VisitReason): void {
  db.insert(t.reasons).values(reason).onConflictDoUpdate({ target: t.reasons.id, set: reason }).run();
}

/** Stores the steps as a new version of the reason's template; returns that version. */
export function saveTemplate(db: Db, reasonId: string, steps: StepTemplate[], now: number): JourneyTemplate {
  const last = db
    .select()
    .from(t.journeyTemplates)
    .where(eq(t.journeyTemplates.reasonId, reasonId))
    .orderBy(desc(t.journeyTemplates.version))
    .get();
  const template: JourneyTemplate = {
    id: last?.id ?? `tpl-${reasonId}`,
    reasonId,
    version: (last?.version ?? 0) + 1,
    steps,
  };
  db.insert(t.journeyTemplates)
    .values({ ...template, createdAt: now })
    .run();
  return template;
}
