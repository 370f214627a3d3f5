/**
 * Administration › Sécurité: how long an idle staff session lives, and which
 * roles must use the second factor (enforced at their next login).
 */
import { useEffect, useState } from 'react';
import type { Role, SecuritySettings } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { ROLE_LABEL } from './UsersAdmin.js';

const ROLES = Object.keys(ROLE_LABEL) as Role[];

export function SecurityAdmin() {
  const [settings, setSettings] = useState<SecuritySettings | null>(null);
  useEffect(() => void attempt(() => api.call('securitySettings')).then((s) => s && setSettings(s)), []);
  if (!settings) return null;

  const toggleRole = (role: Role) =>
    setSettings({
      ...settings,
      totpRequiredFor: settings.totpRequiredFor.includes(role)
        ? settings.totpRequiredFor.filter((r) => r !== role)
        : [...settings.totpRequiredFor, role],
    });
  const save = async () => {
    const saved = await attempt(
      () => api.call('saveSecuritySettings', { body: settings }),
      'Règles de sécurité enregistrées.',
    );
    if (saved) setSettings(saved);
  };

  return (
    <form
      className="ws-form"
      aria-label="Sécurité"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2>Sessions</h2>
      <label>
        Déconnexion après inactivité (minutes)
        <input
          type="number"
          min={5}
          max={720}
          value={settings.idleMinutes}
          onChange={(e) => setSettings({ ...settings, idleMinutes: Number(e.target.value) })}
        />
      </label>
      <fieldset>
        <legend>Double authentification obligatoire pour</legend>
        {ROLES.map((role) => (
          <label key={role} className="ws-check">
            <input
              type="checkbox"
              checked={settings.totpRequiredFor.includes(role)}
              onChange={() => toggleRole(role)}
            />
            {ROLE_LABEL[role]}
          </label>
        ))}
      </fieldset>
      <p>
        Les comptes concernés sans double authentification la configurent à leur prochaine connexion ; un
        compte qui a plusieurs rôles est concerné dès que l’un d’eux l’est.
      </p>
      <button type="submit" className="gfa-button">
        Enregistrer les règles
      </button>
    </form>
  );
}
