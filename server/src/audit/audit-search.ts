/**
 * Administration › Journal d'audit: the hash-chained journal searched by
 * period, type and free text, with readable actors, and the chain's integrity.
 */
import { and, between, desc, eq } from 'drizzle-orm';
import type { AuditPage, AuditQuery, AuditRecord } from '@gfa/shared';
import type { Db } from '../db/database.js';
import { verifyJournal } from '../db/journal-chain.js';
import { toEntry } from '../db/journal-store.js';
import * as t from '../db/schema.js';
import { localInstant } from '../import/fields.js';
import type { Table } from '../stats/tables.js';

/** A page the screen can show at once; exports take up to the export limit. */
export const PAGE_LIMIT = 500;
export const EXPORT_LIMIT = 100_000;

function actorLabels(db: Db): Map<string, string> {
  const labels = new Map<string, string>();
  // The person's name first (what people read), the login to tell namesakes apart.
  for (const u of db
    .select({ id: t.users.id, login: t.users.login, name: t.users.displayName })
    .from(t.users)
    .all())
    labels.set(`user:${u.id}`, `${u.name} (${u.login})`);
  for (const d of db.select({ id: t.devices.id, name: t.devices.name }).from(t.devices).all())
    labels.set(`device:${d.id}`, `appareil « ${d.name} »`);
  return labels;
}

/** Newest first: a page cut at the limit keeps the latest records, the ones an administrator looks for. */
export function searchAudit(db: Db, query: AuditQuery, limit: number): Omit<AuditPage, 'chain'> {
  const labels = actorLabels(db);
  const needle = query.q?.toLocaleLowerCase('fr') ?? '';
  const window = between(t.events.at, localInstant(query.from, 0), localInstant(query.to, 24 * 60) - 1);
  const rows = db
    .select()
    .from(t.events)
    .where(query.type ? and(window, eq(t.events.type, query.type)) : window)
    .orderBy(desc(t.events.seq))
    .all();
  const records: AuditRecord[] = [];
  let truncated = false;
  for (const row of rows) {
    const actorLabel =
      row.actorKind === 'system' ? 'système' : (labels.get(`${row.actorKind}:${row.actorId}`) ?? row.actorId);
    if (
      needle &&
      !`${actorLabel} ${row.type} ${JSON.stringify(row.data)}`.toLocaleLowerCase('fr').includes(needle)
    )
      continue;
    if (records.length === limit) {
      truncated = true;
      break;
    }
    records.push({ ...toEntry(row), actorLabel, hash: row.hash ?? '' });
  }
  return { records, truncated };
}

export function auditChain(db: Db, sqlite: { prepare(sql: string): { get(): unknown } }): AuditPage['chain'] {
  const counter = sqlite.prepare("select seq from sqlite_sequence where name = 'events'").get() as
    { seq: number } | undefined;
  const check = verifyJournal(db, counter?.seq ?? null);
  return check.ok
    ? { ok: true, records: check.records, reason: null }
    : { ok: false, records: 0, reason: check.reason };
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function auditTable(records: readonly AuditRecord[]): Table {
  return {
    name: 'Journal d’audit',
    columns: [
      { label: 'N°', type: 'number' },
      { label: 'Date (UTC)', type: 'text' },
      { label: 'Type', type: 'text' },
      { label: 'Auteur', type: 'text' },
      { label: 'Consultant (id)', type: 'text' },
      { label: 'Détails', type: 'text' },
      { label: 'Empreinte', type: 'text' },
    ],
    rows: records.map((r) => [
      r.seq,
      iso(r.at),
      r.type,
      r.actorLabel,
      r.visitId,
      JSON.stringify(r.data),
      r.hash,
    ]),
  };
}
