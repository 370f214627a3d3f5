/** Staff accounts: login, name, roles, categories, reason queues, default room, active, password. */
import { useEffect, useState } from 'react';
import { LandingTab, type AdminUser, type CentreConfig, type Role } from '@gfa/shared';
import { LANDING_LABEL } from '../store.js';
import { api, attempt } from '../session.js';
import { slug } from './slug.js';
import { ConfirmDialog } from '../security/ConfirmDialog.js';

export const ROLE_LABEL: Record<Role, string> = {
  user: 'Utilisateur',
  supervisor: 'Superviseur',
  administrator: 'Administrateur',
};
const blank: AdminUser = {
  id: '',
  login: '',
  displayName: '',
  roles: ['user'],
  categoryIds: [],
  reasonIds: [],
  defaultRoomId: null,
  active: true,
};
const toggle = <T,>(list: readonly T[], item: T): T[] =>
  list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

export function UsersAdmin({ config }: { readonly config: CentreConfig }) {
  const [users, setUsers] = useState<AdminUser[]>([]);
  const [edited, setEdited] = useState<AdminUser>(blank);
  const [password, setPassword] = useState('');
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const reload = () => void attempt(() => api.call('adminUsers')).then((r) => r && setUsers(r.users));
  useEffect(reload, []);
  const save = async () => {
    const id = edited.id || slug(edited.login);
    const { login, displayName, roles, categoryIds, reasonIds, defaultRoomId, active } = edited;
    const landingTab = edited.landingTab ?? null;
    const fields = { login, displayName, roles, categoryIds, reasonIds, defaultRoomId, active, landingTab };
    const saved = await attempt(
      () => api.call('saveUser', { params: { id }, body: { ...fields, ...(password ? { password } : {}) } }),
      'Compte enregistré.',
    );
    if (saved) {
      setEdited(blank);
      setPassword('');
      reload();
    }
  };
  const resetTotp = async (user: AdminUser) => {
    setResetting(null);
    await attempt(
      () => api.call('resetUserTotp', { params: { id: user.id } }),
      `Double authentification de ${user.displayName} réinitialisée : elle sera reconfigurée à la prochaine connexion si elle est obligatoire.`,
    );
  };
  return (
    <div className="ws-admin-grid">
      <table className="ws-table" aria-label="Comptes">
        <thead>
          <tr>
            <th>Nom</th>
            <th>Identifiant</th>
            <th>Rôles</th>
            <th>Catégories</th>
            <th>Actif</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} onClick={() => setEdited(u)}>
              <td>
                <button type="button" className="ws-link">
                  {u.displayName}
                </button>
              </td>
              <td>{u.login}</td>
              <td>{u.roles.map((r) => ROLE_LABEL[r]).join(', ')}</td>
              <td>
                {u.categoryIds.map((c) => config.categories.find((x) => x.id === c)?.label ?? c).join(', ')}
              </td>
              <td>{u.active ? 'oui' : 'non'}</td>
              <td>
                <button
                  type="button"
                  className="gfa-button secondary"
                  aria-label={`Réinitialiser la double authentification de ${u.displayName}`}
                  onClick={(e) => {
                    e.stopPropagation();
                    setResetting(u);
                  }}
                >
                  Réinitialiser la double authentification
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="ws-form"
        aria-label="Compte"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2>{edited.id ? `Modifier ${edited.displayName}` : 'Nouveau compte'}</h2>
        <label>
          Nom affiché
          <input
            value={edited.displayName}
            onChange={(e) => setEdited({ ...edited, displayName: e.target.value })}
          />
        </label>
        <label>
          Identifiant
          <input value={edited.login} onChange={(e) => setEdited({ ...edited, login: e.target.value })} />
        </label>
        <label>
          Mot de passe {edited.id ? '(laisser vide pour ne pas changer)' : ''}
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
          />
        </label>
        <fieldset>
          <legend>Rôles</legend>
          {(Object.keys(ROLE_LABEL) as Role[]).map((role) => (
            <label key={role} className="ws-check">
              <input
                type="checkbox"
                checked={edited.roles.includes(role)}
                onChange={() => setEdited({ ...edited, roles: toggle(edited.roles, role) })}
              />
              {ROLE_LABEL[role]}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Catégories (professionnel)</legend>
          {config.categories.map((c) => (
            <label key={c.id} className="ws-check">
              <input
                type="checkbox"
                checked={edited.categoryIds.includes(c.id)}
                onChange={() => setEdited({ ...edited, categoryIds: toggle(edited.categoryIds, c.id) })}
              />
              {c.label}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Files de motifs servies</legend>
          {config.reasons.map((r) => (
            <label key={r.id} className="ws-check">
              <input
                type="checkbox"
                checked={edited.reasonIds.includes(r.id)}
                onChange={() => setEdited({ ...edited, reasonIds: toggle(edited.reasonIds, r.id) })}
              />
              {r.label}
            </label>
          ))}
        </fieldset>
        <label>
          Salle par défaut
          <select
            value={edited.defaultRoomId ?? ''}
            onChange={(e) => setEdited({ ...edited, defaultRoomId: e.target.value || null })}
          >
            <option value="">—</option>
            {config.rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Onglet à l’ouverture
          <select
            value={edited.landingTab ?? ''}
            onChange={(e) =>
              setEdited({ ...edited, landingTab: LandingTab.safeParse(e.target.value).data ?? null })
            }
          >
            <option value="">Selon le rôle</option>
            {Object.entries(LANDING_LABEL).map(([tab, label]) => (
              <option key={tab} value={tab}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="ws-check">
          <input
            type="checkbox"
            checked={edited.active}
            onChange={(e) => setEdited({ ...edited, active: e.target.checked })}
          />
          Compte actif
        </label>
        <div className="ws-actions">
          <button type="submit" className="gfa-button">
            Enregistrer le compte
          </button>
          <button type="button" className="gfa-button secondary" onClick={() => setEdited(blank)}>
            Nouveau
          </button>
        </div>
      </form>
      {resetting && (
        <ConfirmDialog
          title="Réinitialiser la double authentification"
          text={`${resetting.displayName} devra configurer de nouveau son application d’authentification ; ses codes de secours ne seront plus valables.`}
          confirmLabel="Réinitialiser"
          onConfirm={() => void resetTotp(resetting)}
          onCancel={() => setResetting(null)}
        />
      )}
    </div>
  );
}
