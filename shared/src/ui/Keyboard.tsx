/** On-screen keyboards for standing visitors at a touch kiosk: AZERTY letters, and digits. */
export interface KeyboardProps {
  readonly onKey: (key: string) => void;
  readonly onErase: () => void;
}

const LETTERS = ['AZERTYUIOP', 'QSDFGHJKLM', "WXCVBN-'"];

export function LetterKeyboard({ onKey, onErase }: KeyboardProps) {
  return (
    <div className="gfa-keyboard" role="group" aria-label="Clavier">
      {LETTERS.map((row) => (
        <div className="gfa-keyboard-row" key={row}>
          {[...row].map((letter) => (
            <button type="button" className="gfa-key" key={letter} onClick={() => onKey(letter)}>
              {letter}
            </button>
          ))}
        </div>
      ))}
      <div className="gfa-keyboard-row">
        <button type="button" className="gfa-key wide" onClick={() => onKey(' ')}>
          Espace
        </button>
        <button
          type="button"
          className="gfa-key wide"
          onClick={onErase}
          aria-label="Effacer la dernière lettre"
        >
          ⌫ Effacer
        </button>
      </div>
    </div>
  );
}

export function DigitPad({ onKey, onErase }: KeyboardProps) {
  const rows = ['123', '456', '789'];
  return (
    <div className="gfa-keyboard" role="group" aria-label="Pavé numérique">
      {rows.map((row) => (
        <div className="gfa-keyboard-row" key={row}>
          {[...row].map((digit) => (
            <button type="button" className="gfa-key" key={digit} onClick={() => onKey(digit)}>
              {digit}
            </button>
          ))}
        </div>
      ))}
      <div className="gfa-keyboard-row">
        <button type="button" className="gfa-key" onClick={() => onKey('0')}>
          0
        </button>
        <button
          type="button"
          className="gfa-key wide"
          onClick={onErase}
          aria-label="Effacer le dernier chiffre"
        >
          ⌫ Effacer
        </button>
      </div>
    </div>
  );
}
