/**
 * Reception's « Enregistrer un consultant » (walk-in): empties itself once
 * saved, refuses impossible birth dates, and proposes today's visit that
 * already stands for the person typed (rules Q-ARRIVE-6 and Q-ARRIVE-7, the
 * server checks the same) instead of creating a twin.
 */
import { useState } from 'react';
import { STATE_LABEL, birthDateProblem, matchingVisit, type Civility, type VisitDto } from '@gfa/shared';
import { api, attempt } from './session.js';
import { useWorkstation } from './store.js';
import { checkInAppointment } from './ReceptionRowActions.js';

const EMPTY = {
  civility: 'Mme' as Civility,
  firstName: '',
  lastName: '',
  birthDate: '',
  reasonId: '',
  professionalId: '',
};

/** The workstation's calendar day, as the date input writes it. */
function today(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const frenchDate = (day: string | null): string => (day ? day.split('-').reverse().join('/') : '—');
const clock = (ms: number | null): string =>
  ms === null ? '' : new Date(ms).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });

export function WalkInForm() {
  const { config, visits } = useWorkstation();
  const [form, setForm] = useState(EMPTY);
  const set = (key: keyof typeof EMPTY) => (e: { target: { value: string } }) =>
    setForm({ ...form, [key]: e.target.value });
  const identity = {
    civility: form.civility,
    firstName: form.firstName.trim(),
    lastName: form.lastName.trim(),
    birthDate: form.birthDate || null,
  };
  const day = today();
  const dateProblem = form.birthDate ? birthDateProblem(form.birthDate, day) : null;
  const match = identity.birthDate ? matchingVisit(identity, Object.values(visits)) : undefined;
  const reset = () => setForm(EMPTY);

  return (
    <form
      className="ws-walkin"
      aria-label="Consultant sans rendez-vous"
      onSubmit={(event) => {
        event.preventDefault();
        if (dateProblem || match) return;
        void attempt(
          () =>
            api.call('registerVisit', {
              body: { identity, reasonId: form.reasonId, professionalId: form.professionalId || null },
            }),
          'Consultant enregistré.',
        ).then((saved) => saved && reset());
      }}
    >
      <h2>Enregistrer un consultant</h2>
      <select aria-label="Civilité" value={form.civility} onChange={set('civility')}>
        <option value="Mme">Mme</option>
        <option value="M.">M.</option>
      </select>
      <input
        aria-label="Prénom"
        placeholder="Prénom"
        required
        value={form.firstName}
        onChange={set('firstName')}
      />
      <input aria-label="Nom" placeholder="Nom" required value={form.lastName} onChange={set('lastName')} />
      <input
        aria-label="Date de naissance"
        type="date"
        required
        max={day}
        aria-invalid={dateProblem ? true : undefined}
        aria-describedby={dateProblem ? 'walkin-date-problem' : undefined}
        value={form.birthDate}
        onChange={set('birthDate')}
      />
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
      <button type="submit" className="gfa-button" disabled={Boolean(dateProblem || match)}>
        Enregistrer
      </button>
      {dateProblem && (
        <p id="walkin-date-problem" className="ws-walkin-problem" role="alert">
          {dateProblem}
        </p>
      )}
      {match && <KnownVisit visit={match} onUsed={reset} />}
    </form>
  );
}

/** Today's visit that already stands for the person typed, with the one click that uses it. */
function KnownVisit({ visit, onUsed }: { readonly visit: VisitDto; readonly onUsed: () => void }) {
  const who = `${visit.identity.civility} ${visit.identity.lastName.toUpperCase()} ${visit.identity.firstName}`;
  const booked = visit.state === 'expected' || visit.state === 'no_show';
  return (
    <section className="ws-walkin-known" aria-label="Consultant déjà connu aujourd’hui">
      <p>
        <strong>{who}</strong>, né(e) le {frenchDate(visit.identity.birthDate)},{' '}
        {booked
          ? `a un rendez-vous aujourd’hui à ${clock(visit.appointmentAt)} (${STATE_LABEL[visit.state]}).`
          : `est déjà dans le centre (${STATE_LABEL[visit.state]}).`}
      </p>
      {booked ? (
        <button
          type="button"
          className="gfa-button"
          onClick={() =>
            void checkInAppointment(visit, 'Arrivée enregistrée sur son rendez-vous.').then(
              (saved) => saved && onUsed(),
            )
          }
        >
          Enregistrer son arrivée sur ce rendez-vous
        </button>
      ) : (
        <button type="button" className="gfa-button secondary" onClick={onUsed}>
          Effacer le formulaire
        </button>
      )}
    </section>
  );
}
