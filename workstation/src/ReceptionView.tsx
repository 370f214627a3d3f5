/** Reception: today's appointments and their state, arrivals, walk-ins, kiosk alerts. */
import { useState } from 'react';
import { count, type Civility, type VisitDto } from '@gfa/shared';
import { api, attempt } from './session.js';
import { STATE_LABEL, labels, useWorkstation } from './store.js';
import { AwayButtons, act } from './VisitPanel.js';

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
                <RowActions visit={v} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function RowActions({ visit }: { readonly visit: VisitDto }) {
  if (visit.state === 'expected') {
    return (
      <>
        <button
          type="button"
          className="gfa-button"
          onClick={() =>
            void attempt(
              () => api.call('registerVisit', { body: { appointmentId: visit.appointmentId ?? '' } }),
              'Arrivée enregistrée.',
            )
          }
        >
          Arrivé
        </button>
        <button
          type="button"
          className="gfa-button secondary"
          onClick={() => void act(visit, { type: 'no_show' })}
        >
          Non venu
        </button>
      </>
    );
  }
  if (['done', 'left', 'no_show', 'cancelled'].includes(visit.state)) return null;
  return (
    <>
      <AwayButtons visit={visit} />
      <button
        type="button"
        className="gfa-button secondary"
        onClick={() => void act(visit, { type: 'leave' }, 'Départ enregistré.')}
      >
        Raccompagner (départ)
      </button>
    </>
  );
}

function WalkInForm() {
  const { config } = useWorkstation();
  const [form, setForm] = useState({
    civility: 'Mme' as Civility,
    firstName: '',
    lastName: '',
    birthDate: '',
    reasonId: '',
    professionalId: '',
  });
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  return (
    <form
      className="ws-walkin"
      aria-label="Consultant sans rendez-vous"
      onSubmit={(event) => {
        event.preventDefault();
        void attempt(
          () =>
            api.call('registerVisit', {
              body: {
                identity: {
                  civility: form.civility,
                  firstName: form.firstName,
                  lastName: form.lastName,
                  birthDate: form.birthDate || null,
                },
                reasonId: form.reasonId,
                professionalId: form.professionalId || null,
              },
            }),
          'Consultant enregistré.',
        );
      }}
    >
      <h2>Enregistrer un consultant</h2>
      <select aria-label="Civilité" value={form.civility} onChange={set('civility')}>
        <option value="Mme">Mme</option>
        <option value="M.">M.</option>
      </select>
      <input aria-label="Prénom" placeholder="Prénom" value={form.firstName} onChange={set('firstName')} />
      <input aria-label="Nom" placeholder="Nom" required value={form.lastName} onChange={set('lastName')} />
      <input aria-label="Date de naissance" type="date" value={form.birthDate} onChange={set('birthDate')} />
      <select aria-label="Motif" required value={form.reasonId} onChange={set('reasonId')}>
        <option value="">Motif…</option>
        {config?.reasons
          .filter((r) => r.active)
          .map((r) => (
            <option key={r.id} value={r.id}>
              {r.label}
            </option>
          ))}
      </select>
      <select
        aria-label="Professionnel (facultatif)"
        value={form.professionalId}
        onChange={set('professionalId')}
      >
        <option value="">Professionnel (facultatif)</option>
        {config?.professionals.map((p) => (
          <option key={p.id} value={p.id}>
            {p.displayName}
          </option>
        ))}
      </select>
      <button type="submit" className="gfa-button">
        Enregistrer
      </button>
    </form>
  );
}
