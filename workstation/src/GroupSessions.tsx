/**
 * « Séance collective » on the facilitator's desk (rules Q-GROUP-*): who waits for the session, who is
 * called or present, and the session's own buttons — call the group, join, start, finish.
 */
import { useState } from 'react';
import type { GroupAction, GroupQueueDto, GroupSessionDto, VisitDto } from '@gfa/shared';
import { api, attempt } from './session.js';
import { labels, useWorkstation } from './store.js';

const run = (action: GroupAction, success?: string) =>
  attempt(() => api.call('groupAction', { body: action }), success);

const nameOf = (visit: VisitDto | undefined): string =>
  visit
    ? `${visit.identity.civility} ${visit.identity.lastName.toUpperCase()} ${visit.identity.firstName}`.trim()
    : '—';

const plural = (n: number, one: string, many: string): string => `${n} ${n > 1 ? many : one}`;

/** Every group session I may run; nothing when I serve no group step. */
export function GroupSessions({ busy }: { readonly busy: boolean }) {
  const { desk } = useWorkstation();
  const groups = desk?.groups ?? [];
  if (groups.length === 0) return null;
  return (
    <>
      {groups.map((group) => (
        <GroupQueue key={JSON.stringify(group.queue)} group={group} busy={busy} />
      ))}
    </>
  );
}

function GroupQueue({ group, busy }: { readonly group: GroupQueueDto; readonly busy: boolean }) {
  const { visits } = useWorkstation();
  const mine = group.sessions.find((s) => s.mine);
  return (
    <section className="ws-queue ws-group" aria-label={`Séance collective — ${group.label}`}>
      <h2>
        {group.label} ({plural(group.capacity, 'place', 'places')},{' '}
        {plural(group.facilitators, 'animateur', 'animateurs')})
      </h2>
      {group.sessions.map((session) => (
        <SessionCard key={session.id} session={session} group={group} busy={busy} />
      ))}
      <h3>En attente de la prochaine séance ({group.waiting.length})</h3>
      {group.waiting.length === 0 && <p className="ws-empty">Personne en attente.</p>}
      <ul data-testid="group-waiting">
        {group.waiting.map((w) => (
          <li key={w.visitId}>
            <span className="ws-queue-name">{nameOf(visits[w.visitId])}</span>
            <span>{w.waitedMinutes} min</span>
          </li>
        ))}
      </ul>
      {!mine && (
        <button
          type="button"
          className="gfa-button"
          disabled={busy || group.waiting.length === 0}
          onClick={() => void run({ type: 'call', queue: group.queue })}
        >
          Appeler le groupe
        </button>
      )}
    </section>
  );
}

function SessionCard({
  session,
  group,
  busy,
}: {
  readonly session: GroupSessionDto;
  readonly group: GroupQueueDto;
  readonly busy: boolean;
}) {
  const { visits, config } = useWorkstation();
  const l = labels(config);
  const [last, setLast] = useState(false);
  const called = session.stage === 'called';
  const canJoin = !session.mine && !busy && session.facilitatorIds.length < group.facilitators;
  return (
    <div className="ws-group-session" data-testid="group-session">
      <p>
        <strong>{called ? 'Séance appelée' : 'Séance en cours'}</strong>
        {' · '}
        {l.room(session.roomId) || 'salle non précisée'}
        {' · '}animée par {session.facilitatorIds.map((id) => l.professional(id)).join(' et ')}
        {session.last && ' · dernière séance du jour'}
      </p>
      <h3>
        {called ? 'Appelés' : 'Présents'} ({session.participantIds.length}/{group.capacity})
      </h3>
      <ul data-testid="group-participants">
        {session.participantIds.map((id) => (
          <li key={id}>
            <span className="ws-queue-name">{nameOf(visits[id])}</span>
            <span>{called ? 'Appelé' : 'Présent'}</span>
          </li>
        ))}
      </ul>
      <div className="ws-group-actions">
        {session.mine && called && (
          <>
            <button
              type="button"
              className="gfa-button secondary"
              onClick={() => void run({ type: 'recall', sessionId: session.id })}
            >
              Rappeler la salle
            </button>
            <label>
              <input type="checkbox" checked={last} onChange={(e) => setLast(e.target.checked)} /> Dernière
              séance du jour (les retardataires iront à l’accueil)
            </label>
            <button
              type="button"
              className="gfa-button"
              onClick={() => void run({ type: 'start', sessionId: session.id, last }, 'Séance démarrée.')}
            >
              Démarrer la séance
            </button>
          </>
        )}
        {session.mine && !called && (
          <button
            type="button"
            className="gfa-button"
            onClick={() => void run({ type: 'finish', sessionId: session.id }, 'Séance terminée.')}
          >
            Terminer la séance
          </button>
        )}
        {canJoin && (
          <button
            type="button"
            className="gfa-button secondary"
            onClick={() => void run({ type: 'join', sessionId: session.id })}
          >
            Rejoindre la séance
          </button>
        )}
      </div>
    </div>
  );
}
