/** Reception: today's appointments and their state, arrivals, walk-ins, kiosk alerts. */
import { useState } from 'react';
import { count } from '@gfa/shared';
import { STATE_LABEL, labels, useWorkstation } from './store.js';
import { ReceptionRowActions } from './ReceptionRowActions.js';
import { WalkInForm } from './WalkInForm.js';

const clock = (ms: number | null): string =>
  ms === null ? '—' : new Date(ms).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

export function ReceptionView() {
  const { visits, config, alerts, dismissAlerts } = useWorkstation();
  const [search, setSearch] = useState('');
  const l = labels(config);
  const list = Object.values(visits)
    .filter((v) => fold(`${v.identity.lastName} ${v.identity.firstName}`).includes(fold(search)))
    .sort((a, b) => (a.appointmentAt ?? a.arrivedAt ?? 0) - (b.appointmentAt ?? b.arrivedAt ?? 0));
  return (
    <div className="ws-reception">
      {alerts.length > 0 && (
        <section className="ws-alert" role="alert">
          <strong>
            {count(alerts.length, 'personne envoyée', 'personnes envoyées')} à l'accueil par la borne
          </strong>{' '}
          (non reconnue ou sans rendez-vous aujourd'hui).
          <button type="button" className="gfa-button secondary" onClick={dismissAlerts}>
            Vu
          </button>
        </section>
      )}
      <WalkInForm />
      <label className="ws-search">
        Rechercher
        <input value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Nom du consultant" />
      </label>
      <table className="ws-table">
        <thead>
          <tr>
            <th>Heure</th>
            <th>Consultant</th>
            <th>Motif</th>
            <th>État</th>
            <th>Actions</th>
          </tr>
        </thead>
        <tbody>
          {list.map((v) => (
            <tr key={v.id} data-state={v.state}>
              <td>{clock(v.appointmentAt)}</td>
              <td>
                {v.identity.civility} {v.identity.lastName.toUpperCase()} {v.identity.firstName}
              </td>
              <td>{l.reason(v.reasonId)}</td>
              <td>{STATE_LABEL[v.state]}</td>
              <td className="ws-row-actions">
                <ReceptionRowActions visit={v} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
