/** Issue 14 item 11: the audit journal shows labels and names, not JSON and ids. */
import { describe, expect, it } from 'vitest';
import { details } from '../src/admin/audit-labels.js';

const names: Record<string, string> = { sophie: 'Sophie Bernard', accueil: 'Accueil', v1: 'M. MARTIN Joël' };
const nameOf = (id: string) => names[id];

describe('audit details', () => {
  it('names the subject and the changed fields of a configuration change', () => {
    const text = details(
      {
        subject: 'user:sophie',
        before: { roles: ['user'], defaultRoomId: null, active: true },
        after: { roles: ['user', 'supervisor'], defaultRoomId: 'accueil', active: true },
      },
      nameOf,
    );
    expect(text).toBe('Objet : Compte Sophie Bernard · Modifié : rôles, salle par défaut');
    expect(text).not.toMatch(/[{}[\]"]/);
  });

  it('says « Création » for a new object, and writes values by their names', () => {
    expect(details({ subject: 'room:accueil', before: null, after: { label: 'Accueil' } }, nameOf)).toBe(
      'Objet : Salle Accueil · Création',
    );
    expect(details({ visitId: 'v1', reasonId: 'inconnu', active: false }, nameOf)).toBe(
      'Consultant : M. MARTIN Joël · Motif : inconnu · Actif : non',
    );
  });
});
