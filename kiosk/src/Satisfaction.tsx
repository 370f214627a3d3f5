/**
 * The one-tap satisfaction question for departing visitors (issue 17,
 * item 7): five big faces, anonymous unless the convocation is scanned first
 * (the scanner is read as at check-in, see main.tsx).
 */
import { useKiosk } from './store.js';

export const FACES = [
  { score: 1, face: '😠', label: 'Très mécontent' },
  { score: 2, face: '🙁', label: 'Mécontent' },
  { score: 3, face: '😐', label: 'Moyennement satisfait' },
  { score: 4, face: '🙂', label: 'Satisfait' },
  { score: 5, face: '😄', label: 'Très satisfait' },
] as const;

export function Satisfaction({ answer }: { readonly answer: (score: number) => Promise<void> }) {
  const { satisfactionReference, busy, reset } = useKiosk();
  return (
    <section className="kiosk-satisfaction">
      <h1>Êtes-vous satisfait(e) de votre visite ?</h1>
      <div className="kiosk-faces" role="group" aria-label="Votre avis">
        {FACES.map((f) => (
          <button
            key={f.score}
            type="button"
            className="kiosk-face"
            aria-label={f.label}
            disabled={busy}
            onClick={() => void answer(f.score)}
          >
            <span aria-hidden="true">{f.face}</span>
            <small>{f.label}</small>
          </button>
        ))}
      </div>
      <p className="kiosk-hint" aria-live="polite">
        {satisfactionReference
          ? 'Convocation lue : votre avis sera rattaché à votre visite, sans votre nom.'
          : 'Votre avis est anonyme. Vous pouvez d’abord présenter le code de votre convocation devant le lecteur.'}
      </p>
      <button type="button" className="gfa-button secondary" onClick={reset}>
        Annuler
      </button>
    </section>
  );
}
