/** The consultant I am taking care of: actions, notes, checks and journey history. */
import { useState } from 'react';
import { STATE_LABEL, type CentreConfig, type VisitAction, type VisitDto } from '@gfa/shared';
import { api, attempt } from './session.js';
import { labels, seesClinicalControls, useWorkstation } from './store.js';
import { AwayControl } from './AwayControl.js';
import { TransferTargetSelect, transferTarget } from './TransferTarget.js';
import { clearAfterCare, showAfterCare } from './after-care.js';

const ADDABLE = ['dieteticien', 'psychologue', 'dentiste', 'neuropsychologue'];
const time = (ms: number | null): string =>
  ms === null ? '' : new Date(ms).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });

/** Any action is the professional's next one: the « where next » notice of the previous care goes. */
export const act = (visit: VisitDto, action: VisitAction, success?: string) => {
  clearAfterCare();
  return attempt(() => api.call('visitAction', { params: { id: visit.id }, body: action }), success);
};

export function VisitPanel({ visit, config }: { readonly visit: VisitDto; readonly config: CentreConfig }) {
  const l = labels(config);
  const [note, setNote] = useState('');
  const [added, setAdded] = useState<string[]>([]);
  const [transferTo, setTransferTo] = useState('');
  // Administrative agents add no clinical step and tick no ECG or sample.
  const clinical = seesClinicalControls(
    useWorkstation((s) => s.principal),
    config,
  );
  const addable = clinical ? config.categories.filter((c) => ADDABLE.includes(c.code)) : [];
  const finish = () =>
    act(
      visit,
      {
        type: 'finish',
        addSteps: added.map((categoryId) => ({
          label: l.category(categoryId),
          target: { kind: 'category', categoryId },
          estimatedMinutes: 20,
        })),
      },
      'Prise en charge terminée.',
    ).then((done) => {
      setAdded([]);
      if (done) showAfterCare(done.visit);
    });
  const next = visit.steps.filter((s) => s.status === 'todo').map((s) => s.label);

  return (
    <section className="ws-visit" aria-label="Consultant en cours">
      <header>
        <h2>
          {visit.identity.civility} {visit.identity.firstName} {visit.identity.lastName.toUpperCase()}
        </h2>
        <p>
          {l.reason(visit.reasonId)} — <strong>{STATE_LABEL[visit.state]}</strong>
        </p>
      </header>
      <div className="ws-actions">
        {visit.state === 'called' && (
          <>
            <button
              type="button"
              className="gfa-button"
              onClick={() => void act(visit, { type: 'start' })}
              title="Raccourci : S"
            >
              Commencer la prise en charge
            </button>
            <button
              type="button"
              className="gfa-button secondary"
              onClick={() => void act(visit, { type: 'recall' }, 'Rappel affiché.')}
              title="Raccourci : R"
            >
              Rappeler
            </button>
            <button
              type="button"
              className="gfa-button secondary"
              onClick={() => void act(visit, { type: 'requeue' }, "Remis en file d'attente.")}
            >
              Absent : remettre en file
            </button>
          </>
        )}
        {visit.state === 'in_care' && (
          <fieldset className="ws-finish">
            <legend>{clinical ? 'Terminer (étapes à ajouter au parcours)' : 'Terminer'}</legend>
            {addable.map((c) => (
              <label key={c.id}>
                <input
                  type="checkbox"
                  checked={added.includes(c.id)}
                  onChange={(e) =>
                    setAdded(e.target.checked ? [...added, c.id] : added.filter((x) => x !== c.id))
                  }
                />
                {c.label}
              </label>
            ))}
            <button type="button" className="gfa-button" onClick={() => void finish()} title="Raccourci : F">
              Terminer la prise en charge
            </button>
          </fieldset>
        )}
      </div>
      {next.length > 0 && <p className="ws-next">Étapes restantes : {next.join(', ')}</p>}
      <div className="ws-transfer">
        <TransferTargetSelect config={config} value={transferTo} onChange={setTransferTo} />
        <button
          type="button"
          className="gfa-button secondary"
          disabled={!transferTo}
          onClick={() => {
            void act(
              visit,
              { type: 'transfer', target: transferTarget(transferTo) },
              'Consultant transféré.',
            );
          }}
        >
          Transférer
        </button>
      </div>
      <div className="ws-checks" hidden={!clinical}>
        {(['ecg', 'prelevement'] as const).map((kind) =>
          (['lecture', 'interpretation'] as const).map((mark) => {
            // A tick is a toggle: a wrong one is removed by clicking it again (Q-ACT-13).
            const ticked = visit.checks.some((c) => c.kind === kind && c.mark === mark);
            return (
              <button
                key={kind + mark}
                type="button"
                aria-pressed={ticked}
                className={`gfa-button ${ticked ? '' : 'secondary'}`}
                onClick={() => void act(visit, { type: ticked ? 'uncheck' : 'check', kind, mark })}
              >
                {kind === 'ecg' ? 'ECG' : 'Prélèvement'} : {mark === 'lecture' ? 'lecture' : 'interprétation'}
                {ticked ? ' ✓' : ''}
              </button>
            );
          }),
        )}
      </div>
      <NotesAndHistory visit={visit} config={config} note={note} setNote={setNote} />
    </section>
  );
}

export function AwayButtons({ visit }: { readonly visit: VisitDto }) {
  return (
    <AwayControl
      awayReason={visit.state === 'away' ? (visit.away?.reason ?? null) : null}
      canGoAway={visit.state === 'waiting' || visit.state === 'arrived'}
      onAct={(action) => void act(visit, action)}
    />
  );
}

function NotesAndHistory(props: {
  readonly visit: VisitDto;
  readonly config: CentreConfig;
  readonly note: string;
  readonly setNote: (note: string) => void;
}) {
  const { visit, config, note, setNote } = props;
  const l = labels(config);
  return (
    <div className="ws-notes">
      <h3>Notes pour les professionnels suivants</h3>
      <ul className="ws-note-list">
        {visit.notes.map((n) => (
          <li key={n.id}>
            <time>{time(n.at)}</time> {l.professional(n.authorId)} : {n.text}
          </li>
        ))}
      </ul>
      <textarea aria-label="Nouvelle note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} />
      <button
        type="button"
        className="gfa-button secondary"
        disabled={!note.trim()}
        onClick={() => void act(visit, { type: 'note', text: note }, 'Note ajoutée.').then(() => setNote(''))}
      >
        Ajouter la note
      </button>
      <h3>Parcours</h3>
      <ol className="ws-history">
        {visit.steps.map((s) => (
          <li key={s.id} className={`step-${s.status}`}>
            {s.label} —{' '}
            {s.status === 'done'
              ? `fait par ${l.professional(s.professionalId)} (${time(s.startedAt)}–${time(s.endedAt)})`
              : s.status === 'todo'
                ? 'à faire'
                : s.status === 'skipped'
                  ? 'non réalisé'
                  : `en cours avec ${l.professional(s.professionalId)} depuis ${time(s.calledAt)}`}
          </li>
        ))}
      </ol>
    </div>
  );
}
