/**
 * Issue 14 item 11: a refused request says, in French, which field (by its
 * French name) and what is wrong — never a zod path or English text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorBody, CentreConfig } from '@gfa/shared';
import { fieldLabel } from '@gfa/shared';
import { startDemoServer, type DemoServer } from './support/demo-server.js';
import type { ApiClient } from './support/https-client.js';

describe('validation messages for people', () => {
  let demo: DemoServer;
  let admin: ApiClient;
  beforeAll(async () => {
    demo = await startDemoServer();
    admin = await demo.login('admin');
  }, 60_000);
  afterAll(async () => demo?.close());

  it('names fields in French, lists numbered from 1', () => {
    expect(fieldLabel(['rules', 1, 'thresholdMinutes'])).toBe('Règle 2 : seuil (minutes)');
    expect(fieldLabel(['steps', 0, 'label'])).toBe('Étape 1 : libellé');
    expect(fieldLabel(['identity', 'birthDate'])).toBe('Identité : date de naissance');
    expect(fieldLabel(['unknownField'])).toBe('UnknownField');
  });

  it('« rules.1.thresholdMinutes » below 1 → « Règle 2 : seuil (minutes) — doit être au moins 1. »', async () => {
    const config = (await admin.call<CentreConfig>('GET', '/api/config')).body;
    const rules = config.alertRules.slice(0, 2).map((r, i) => (i === 1 ? { ...r, thresholdMinutes: 0 } : r));
    expect(rules).toHaveLength(2);
    const res = await admin.call<ApiErrorBody>('PUT', '/api/admin/alert-rules', { rules });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe('Règle 2 : seuil (minutes) — doit être au moins 1.');
  });

  it('a walk-in without a name and an unknown civility get plain French', async () => {
    const sophie = await demo.login('sophie');
    const missing = await sophie.call<ApiErrorBody>('POST', '/api/visits', {
      identity: { civility: 'M.', firstName: 'Paul', lastName: '', birthDate: null },
      reasonId: 'eps',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe('Identité : nom — obligatoire.');
    const civility = await sophie.call<ApiErrorBody>('POST', '/api/visits', {
      identity: { civility: 'Dr', firstName: 'Paul', lastName: 'DURAND', birthDate: null },
      reasonId: 'eps',
    });
    expect(civility.body.error.message).toBe('Identité : civilité — valeur non prévue.');
  });
});
