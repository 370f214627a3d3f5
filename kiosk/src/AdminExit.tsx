/**
 * The administrator's way out of the kiosk shell (its kiosk mode has no other
 * exit): a code typed on the pad, checked by the shell, never by the page.
 * Shown only inside the GFA Borne shell, which exposes `window.gfaKiosk`.
 */
import { useState } from 'react';
import { DigitPad } from '@gfa/shared/ui';

type ExitAnswer = 'exit' | 'wrong-code' | 'locked' | 'refused' | 'unreachable';

interface KioskBridge {
  requestExit(code: string): Promise<ExitAnswer>;
}

export const kioskBridge = (): KioskBridge | null =>
  (globalThis as { gfaKiosk?: KioskBridge }).gfaKiosk ?? null;

const MESSAGES: Record<Exclude<ExitAnswer, 'exit'>, string> = {
  'wrong-code': 'Code incorrect.',
  locked: 'Trop d’essais : la sortie est bloquée. Redémarrez la borne.',
  refused: 'Sortie refusée.',
  unreachable: 'Le serveur ne répond pas : le code ne peut pas être vérifié.',
};

export function AdminExit({ bridge, onClose }: { bridge: KioskBridge; onClose: () => void }) {
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const submit = async (): Promise<void> => {
    const answer = await bridge.requestExit(code);
    setCode('');
    // On 'exit' the shell closes the window; nothing to show.
    if (answer !== 'exit') setMessage(MESSAGES[answer] ?? MESSAGES.refused);
  };
  return (
    <section className="kiosk-entry" aria-label="Sortie administrateur">
      <h1>Sortie de la borne</h1>
      <p className="kiosk-lead">Code administrateur</p>
      <output className="kiosk-field" aria-label="Code saisi">
        {'•'.repeat(code.length) || ' '}
      </output>
      {message && (
        <p className="kiosk-sentence" role="alert">
          {message}
        </p>
      )}
      <DigitPad
        onKey={(d) => setCode((c) => (c + d).slice(0, 12))}
        onErase={() => setCode((c) => c.slice(0, -1))}
      />
      <div className="kiosk-actions">
        <button type="button" className="gfa-button secondary" onClick={onClose}>
          Annuler
        </button>
        <button type="button" className="gfa-button" disabled={code.length < 4} onClick={() => void submit()}>
          Valider
        </button>
      </div>
    </section>
  );
}
