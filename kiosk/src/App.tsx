/** The kiosk screens: choose how to identify, type the name, the birth date, then the answer. */
import { useEffect, useState } from 'react';
import { DigitPad, LetterKeyboard } from '@gfa/shared/ui';
import { birthDateOf, newRequest, useKiosk } from './store.js';
import type { CheckinRequest } from '@gfa/shared';
import { AdminExit, kioskBridge } from './AdminExit.js';
import { callEstimateText } from './call-estimate.js';
import { Satisfaction } from './Satisfaction.js';

export interface AppProps {
  readonly submit: (request: CheckinRequest) => Promise<void>;
  readonly answer: (score: number) => Promise<void>;
  readonly resetAfterMs: number;
  readonly hasCardReader: boolean;
}

function formatBirth(digits: string): string {
  const padded = digits.padEnd(8, '_');
  return `${padded.slice(0, 2)} / ${padded.slice(2, 4)} / ${padded.slice(4)}`;
}

export function App({ submit, answer, resetAfterMs, hasCardReader }: AppProps) {
  const { screen, lastName, birthDigits, result, busy, thanks, go, type, erase, reset } = useKiosk();

  useEffect(() => {
    if (screen === 'home') return;
    // Never leave a visitor's data on screen: back to the start after a while, whatever happens.
    const timer = setTimeout(
      reset,
      screen === 'result' || screen === 'thanks' ? resetAfterMs : resetAfterMs * 5,
    );
    return () => clearTimeout(timer);
  }, [screen, lastName, birthDigits, resetAfterMs, reset]);

  const birthDate = birthDateOf(birthDigits);
  const bridge = kioskBridge();
  const [exiting, setExiting] = useState(false);

  if (bridge && exiting) {
    return (
      <main className="kiosk">
        <AdminExit bridge={bridge} onClose={() => setExiting(false)} />
      </main>
    );
  }

  return (
    <main className="kiosk">
      {screen === 'home' && (
        <section className="kiosk-home">
          <h1>Bienvenue au Centre d'examens de santé</h1>
          <p className="kiosk-lead">Enregistrez votre arrivée.</p>
          <button type="button" className="gfa-button kiosk-main" onClick={() => go('name')}>
            Je tape mon nom et ma date de naissance
          </button>
          <p className="kiosk-hint">
            ou présentez le code de votre convocation devant le lecteur
            {hasCardReader ? ', ou insérez votre carte Vitale' : ''}.
          </p>
          <button
            type="button"
            className="gfa-button secondary kiosk-opinion"
            onClick={() => go('satisfaction')}
          >
            Je pars : je donne mon avis sur ma visite
          </button>
          {bridge && (
            <button type="button" className="kiosk-admin" onClick={() => setExiting(true)}>
              Administration
            </button>
          )}
        </section>
      )}
      {screen === 'name' && (
        <section className="kiosk-entry">
          <h1>Votre nom de famille</h1>
          <output className="kiosk-field" aria-live="polite" aria-label="Nom saisi">
            {lastName || ' '}
          </output>
          <LetterKeyboard onKey={type} onErase={erase} />
          <div className="kiosk-actions">
            <button type="button" className="gfa-button secondary" onClick={reset}>
              Annuler
            </button>
            <button
              type="button"
              className="gfa-button"
              disabled={lastName.trim().length < 2}
              onClick={() => go('birth')}
            >
              Continuer
            </button>
          </div>
        </section>
      )}
      {screen === 'birth' && (
        <section className="kiosk-entry">
          <h1>Votre date de naissance</h1>
          <output className="kiosk-field" aria-live="polite" aria-label="Date saisie">
            {formatBirth(birthDigits)}
          </output>
          <DigitPad onKey={type} onErase={erase} />
          <div className="kiosk-actions">
            <button type="button" className="gfa-button secondary" onClick={() => go('name')}>
              Retour
            </button>
            <button
              type="button"
              className="gfa-button"
              disabled={!birthDate || busy}
              onClick={() =>
                birthDate &&
                void submit(newRequest({ kind: 'identity', lastName: lastName.trim(), birthDate }))
              }
            >
              Valider
            </button>
          </div>
        </section>
      )}
      {screen === 'result' && result && (
        <section className={`kiosk-result ${result.outcome}`} role="status">
          <h1>
            {result.outcome === 'recognised' ? 'Votre arrivée est enregistrée' : result.instruction.headline}
          </h1>
          {result.outcome === 'recognised' && <p className="kiosk-label">{result.instruction.headline}</p>}
          <p className="kiosk-sentence">{result.instruction.sentence}</p>
          {result.outcome === 'recognised' && (
            <p className="kiosk-sentence kiosk-estimate">{callEstimateText(result.callInMinutes)}</p>
          )}
          <button type="button" className="gfa-button" onClick={reset}>
            Terminer
          </button>
        </section>
      )}
      {screen === 'satisfaction' && <Satisfaction answer={answer} />}
      {screen === 'thanks' && (
        <section className="kiosk-result" role="status">
          <h1>{thanks}</h1>
          <button type="button" className="gfa-button" onClick={reset}>
            Terminer
          </button>
        </section>
      )}
    </main>
  );
}
