/** Agenda integrations: an API key per agenda that pushes its appointments, shown once, revocable. */
import { useEffect, useState } from 'react';
import type { Integration } from '@gfa/shared';
import { api, attempt } from '../session.js';
import { RevokeButton } from './RevokeButton.js';
import { when } from './when.js';

export function IntegrationsAdmin() {
  const [list, setList] = useState<Integration[]>([]);
  const [name, setName] = useState('');
  const [source, setSource] = useState('');
  const [key, setKey] = useState<string | null>(null);
  const load = () => void attempt(() => api.call('integrations')).then((r) => r && setList(r.integrations));
  useEffect(load, []);

  const create = async () => {
    const body = { name: name.trim(), ...(source.trim() ? { source: source.trim() } : {}) };
    const created = await attempt(() => api.call('createIntegration', { body }), 'Intégration créée.');
    if (!created) return;
    setKey(created.key);
    setName('');
    setSource('');
    load();
  };
  const revoke = async (integration: Integration) => {
    const done = await attempt(
      () => api.call('revokeIntegration', { params: { id: integration.id } }),
      `Clé de « ${integration.name} » révoquée.`,
    );
    if (done) setList(done.integrations);
  };

  return (
    <section className="ws-form" aria-label="Intégrations d’agenda">
      <h2>Intégrations d’agenda (envoi des rendez-vous par l’agenda)</h2>
      <p>
        L’agenda envoie ses rendez-vous à <code>POST /api/agenda/appointments</code> avec sa clé (en-tête{' '}
        <code>Authorization: Bearer …</code>). Ses rendez-vous suivent les mêmes règles qu’un fichier de son
        agenda.
      </p>
      <label>
        Nom de l’intégration
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        Agenda (par défaut le nom de l’intégration)
        <input type="text" value={source} onChange={(e) => setSource(e.target.value)} />
      </label>
      <button type="button" className="gfa-button" disabled={!name.trim()} onClick={() => void create()}>
        Créer la clé d’API
      </button>
      {key && (
        <p role="alert">
          Clé à copier maintenant dans l’agenda, elle ne sera plus affichée : <code>{key}</code>
        </p>
      )}
      <table className="ws-table" aria-label="Intégrations">
        <thead>
          <tr>
            <th>Nom</th>
            <th>Agenda</th>
            <th>Créée</th>
            <th>Dernier envoi</th>
            <th>État</th>
          </tr>
        </thead>
        <tbody>
          {list.map((i) => (
            <tr key={i.id}>
              <td>{i.name}</td>
              <td>{i.source}</td>
              <td>{when(i.createdAt)}</td>
              <td>{i.lastUsedAt ? when(i.lastUsedAt) : 'jamais'}</td>
              <td>
                {i.revokedAt ? (
                  `révoquée le ${when(i.revokedAt)}`
                ) : (
                  <RevokeButton
                    title="Révoquer la clé d’API"
                    consequence={`L’agenda « ${i.name} » ne pourra plus envoyer de rendez-vous avec cette clé ; il lui faudra une nouvelle clé.`}
                    onRevoke={() => void revoke(i)}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
