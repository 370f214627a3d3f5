/**
 * Issue 13, item 4: `gfa export`, `gfa backup` and `gfa import` run as real child processes
 * against the data directory of a running server while staff keep working. One chain head:
 * `gfa audit verify` passes afterwards; no staff request fails; the running server shows the
 * imported appointments within 5 s, although another process imported them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitDto } from '@gfa/shared';
import { localDay } from '../../src/calendar/local-time.js';
import type { ApiClient } from './support/https-client.js';
import { startDemoServer, type DemoServer } from './support/demo-server.js';

const bin = resolve(import.meta.dirname, '../../bin/gfa.mjs');
const PASSPHRASE = 'phrase-de-passe-des-sauvegardes';

/** One `gfa` command in its own process, like an administrator at the box's console. */
function gfa(args: string[], input = ''): Promise<{ status: number | null; out: string }> {
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stdin.end(input);
  return new Promise((done) => child.once('exit', (status) => done({ status, out })));
}

/** Today's appointments in the standard import profile's columns. */
function appointmentsFile(dir: string, count: number): string {
  const [y, m, d] = localDay(Date.now()).split('-');
  const lines = [
    'Nom;Prénom;Civilité;Date de naissance;Date RDV;Heure RDV;Motif;Professionnel;Identifiant;Référence',
  ];
  for (let i = 0; i < count; i += 1)
    lines.push(
      `Importé${i};Anne;Mme;01/01/1970;${d}/${m}/${y};16:${String(i).padStart(2, '0')};EPS;;CLI-${i};RDV-CLI-${i}`,
    );
  const file = join(dir, 'rendez-vous.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

let demo: DemoServer;
let sophie: ApiClient;
beforeAll(async () => {
  demo = await startDemoServer();
  sophie = await demo.login('sophie');
});
afterAll(() => demo.close());

describe('command line on a live server', () => {
  it('export, backup and import while staff work: no staff error, one audit chain, import seen live', async () => {
    const work = mkdtempSync(join(tmpdir(), 'gfa-cli-live-'));
    const dir = ['--data-dir', demo.dataDir];
    const visits = (await sophie.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
    const statuses: number[] = [];
    let driving = true;
    // Staff keep writing: notes (journaled queue actions) and reception check-ins.
    const drive = (async () => {
      for (let i = 0; driving; i += 1) {
        const visit = visits[i % visits.length] as VisitDto;
        const note = await sophie.call('POST', `/api/visits/${visit.id}/actions`, {
          type: 'note',
          text: `n${i}`,
        });
        const checkin = await sophie.call('POST', '/api/checkin', {
          idempotencyKey: `cle-live-${i}`,
          by: { kind: 'reference', reference: `INCONNUE-${i}` },
        });
        statuses.push(note.status, checkin.status);
      }
    })();

    const today = localDay(Date.now());
    const runs = await Promise.all([
      gfa(['export', '--all', '--out', join(work, 'tout.zip'), ...dir]),
      gfa(['export', '--from', today, '--to', today, '--out', join(work, 'stats.xlsx'), ...dir]),
      gfa(['backup', '--passphrase-stdin', '--out', work, ...dir], PASSPHRASE),
      gfa(['import', appointmentsFile(work, 20), ...dir]),
      gfa(['export', '--all', '--out', join(work, 'tout-2.zip'), ...dir]),
      gfa(['backup', '--passphrase-stdin', '--out', join(work, 'second.gfabak'), ...dir], PASSPHRASE),
    ]);
    for (const run of runs) expect(run.out, run.out).not.toMatch(/Error|Erreur/);
    expect(runs.map((r) => r.status)).toEqual([0, 0, 0, 0, 0, 0]);

    // Within 5 s of the import, the running server's day has the new appointments.
    const started = Date.now();
    let seen = 0;
    while (Date.now() - started < 5_000) {
      const list = (await sophie.call<{ visits: VisitDto[] }>('GET', '/api/visits')).body.visits;
      seen = list.filter((v) => v.identity.lastName.startsWith('Importé')).length;
      if (seen === 20) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    driving = false;
    await drive;
    // Soft: each of the three guarantees is reported on its own.
    expect.soft(seen).toBe(20);
    expect(statuses.length).toBeGreaterThan(10);
    expect.soft(statuses.filter((s) => s !== 200)).toEqual([]);
    const verify = await gfa(['audit', 'verify', ...dir]);
    expect.soft(verify.out).toContain('Journal d’audit intègre');
    expect(verify.status).toBe(0);
  }, 240_000);
});
