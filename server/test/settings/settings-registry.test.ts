/**
 * The settings registry (issue 16, item 2) on a real SQLite file: every key parses and default-merges on read,
 * a value that no longer parses is logged and read as the default (never a crash), a write is validated, and a
 * default a later version adds reaches a centre that saved before it existed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/db/config-store.js';
import { databaseFile, openDatabase, type OpenDatabase } from '../../src/db/database.js';
import { InvalidSettingError, readSetting, writeSetting } from '../../src/db/settings-store.js';
import { CENTRE_SETTINGS } from '../../src/settings/centre-settings.js';
import { DATA_SETTINGS } from '../../src/settings/data-settings.js';
import { JOURNAL_SETTINGS } from '../../src/settings/journal-settings.js';
import { SECURITY_SETTINGS } from '../../src/settings/security-settings.js';
import { DEFAULT_ALERT_RULES, SETTINGS, type SettingKey } from '../../src/settings/settings-registry.js';

let handle: OpenDatabase;

/** What an earlier version, a second process or a hand edit left in the table. */
const storeRaw = (key: string, text: string): void => {
  handle.sqlite
    .prepare(
      'insert into settings (key, value) values (?, ?) on conflict(key) do update set value = excluded.value',
    )
    .run(key, text);
};
const rawValue = (key: string): unknown =>
  (
    handle.sqlite.prepare('select value from settings where key = ?').get(key) as
      { value: string } | undefined
  )?.value;

beforeEach(() => {
  handle = openDatabase(databaseFile(mkdtempSync(join(tmpdir(), 'gfa-settings-'))));
});
afterEach(() => {
  vi.restoreAllMocks();
  handle.close();
});

describe('the registry', () => {
  it('holds each key once, with a French description and a default its own schema accepts', () => {
    const groups = [CENTRE_SETTINGS, DATA_SETTINGS, SECURITY_SETTINGS, JOURNAL_SETTINGS];
    expect(groups.flatMap((g) => Object.keys(g)).length).toBe(Object.keys(SETTINGS).length);
    for (const [key, definition] of Object.entries(SETTINGS)) {
      expect(definition.schema.safeParse(definition.defaultValue).success, key).toBe(true);
      expect(definition.description, key).toMatch(/^[A-ZÉ].{20,}[.)]$/);
    }
  });

  it('refuses an unknown key at compile time', () => {
    // @ts-expect-error — not a key of the registry: `npx tsc` fails if this line ever compiles.
    expect(() => readSetting(handle.db, 'policies')).toThrow();
  });
});

describe('reading', () => {
  it('gives a fresh file every default, as a copy the caller may change', () => {
    for (const key of Object.keys(SETTINGS) as SettingKey[]) {
      expect(readSetting(handle.db, key), key).toEqual(SETTINGS[key].defaultValue);
    }
    readSetting(handle.db, 'alertRules').pop();
    readSetting(handle.db, 'dataSettings').import.times.push('12:00');
    expect(readSetting(handle.db, 'alertRules')).toHaveLength(DEFAULT_ALERT_RULES.length);
    expect(readSetting(handle.db, 'dataSettings').import.times).toEqual(['07:00', '19:00']);
  });

  it('reads a value another process stored as soon as it is there, however often the same key is read', () => {
    const opens = () => readSetting(handle.db, 'openingHours').opens;
    const stored = (at: string) =>
      storeRaw('openingHours', JSON.stringify({ days: [1, 2, 3, 4, 5], opens: at, closes: '17:00' }));
    stored('07:30');
    expect([opens(), opens()]).toEqual(['07:30', '07:30']);
    stored('08:15');
    expect(opens()).toBe('08:15');
    stored('07:30');
    expect(opens()).toBe('07:30');
  });

  it('reads back what was written, through the schema', () => {
    handle.db.transaction((tx) => {
      writeSetting(tx, 'openingHours', {
        days: [1, 2, 3, 4, 5, 6],
        opens: '08:00',
        closes: '18:00',
      });
    });
    expect(readSetting(handle.db, 'openingHours')).toEqual({
      days: [1, 2, 3, 4, 5, 6],
      opens: '08:00',
      closes: '18:00',
    });
    expect(loadConfig(handle.db).openingHours.opens).toBe('08:00');
  });

  it('completes an object saved before a field existed with that field’s default', () => {
    // Saved by a version without backups and without the second-factor rule.
    storeRaw(
      'dataSettings',
      JSON.stringify({
        retentionDays: 5,
        retentionTime: '01:00',
        import: { folder: 'D:\\GFA\\rdv', profile: 'standard' },
        nominativeExport: { folder: null, format: 'csv', time: '00:30' },
      }),
    );
    storeRaw('securitySettings', JSON.stringify({ idleMinutes: 30 }));
    const data = readSetting(handle.db, 'dataSettings');
    expect(data.retentionDays).toBe(5);
    expect(data.import).toEqual({ folder: 'D:\\GFA\\rdv', profile: 'standard', times: ['07:00', '19:00'] });
    expect(data.backup).toEqual({ time: '03:00', keepDays: 30, copyTo: null });
    expect(readSetting(handle.db, 'securitySettings')).toEqual({
      idleMinutes: 30,
      totpRequiredFor: ['administrator', 'supervisor'],
    });
  });

  it('logs a stored value that no longer parses, precisely and once, and reads the default instead', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    storeRaw('policy', JSON.stringify({ maxWaitMinutes: 'beaucoup', autoAssign: false }));
    storeRaw('display', '{"speech": tru');
    expect(readSetting(handle.db, 'policy')).toEqual({ maxWaitMinutes: 45, autoAssign: true });
    expect(readSetting(handle.db, 'display')).toEqual({ speech: false, nameFormat: 'civility' });
    expect(loadConfig(handle.db).policy.maxWaitMinutes).toBe(45);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(warn.mock.calls[0]?.[0]).toMatch(
      /^setting "policy": the stored value no longer parses \(maxWaitMinutes: /,
    );
    expect(warn.mock.calls[1]?.[0]).toMatch(
      /^setting "display": the stored value no longer parses \(not JSON\)/,
    );
    // The stored value is left for the administrator's next save, not overwritten by a read.
    expect(rawValue('display')).toBe('{"speech": tru');
  });
});

describe('writing', () => {
  it('refuses a value its schema does not accept and leaves the stored one', () => {
    writeSetting(handle.db, 'policy', { maxWaitMinutes: 30, autoAssign: false });
    const invalid = { maxWaitMinutes: 0, autoAssign: false };
    expect(() => writeSetting(handle.db, 'policy', invalid)).toThrow(InvalidSettingError);
    expect(() => writeSetting(handle.db, 'policy', invalid)).toThrow(
      /setting "policy" refused: maxWaitMinutes/,
    );
    expect(readSetting(handle.db, 'policy')).toEqual({ maxWaitMinutes: 30, autoAssign: false });
  });
});

describe('a default a later version adds', () => {
  it('reaches a centre that saved its alert rules before that kind existed', () => {
    // The list an installed centre saved when « expected_late » did not exist yet (one rule switched off).
    const before = DEFAULT_ALERT_RULES.filter((r) => r.kind !== 'expected_late').map((r) =>
      r.kind === 'idle_too_long'
        ? { ...r, active: false }
        : { ...r, thresholdMinutes: r.thresholdMinutes + 5 },
    );
    writeSetting(handle.db, 'alertRules', before);
    const rules = loadConfig(handle.db).alertRules;
    expect(rules.map((r) => r.kind)).toEqual([...before.map((r) => r.kind), 'expected_late']);
    expect(rules.find((r) => r.kind === 'expected_late')).toEqual(
      DEFAULT_ALERT_RULES.find((r) => r.kind === 'expected_late'),
    );
    // What the centre chose stays: thresholds, the rule switched off, no second rule of a kind it has.
    expect(rules.slice(0, before.length)).toEqual(before);
    expect(rules.filter((r) => r.kind === 'idle_too_long')).toEqual([
      expect.objectContaining({ active: false }),
    ]);
  });
});
