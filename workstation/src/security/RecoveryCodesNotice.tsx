/** The recovery codes of a fresh two-factor setup: shown this once, never again. */
export function RecoveryCodesNotice(props: {
  readonly codes: readonly string[];
  readonly onDone: () => void;
}) {
  return (
    <section className="ws-recovery" aria-label="Codes de secours">
      <h2>Codes de secours</h2>
      <p>
        Notez ces codes de secours et gardez-les en lieu sûr : chacun permet une connexion sans le téléphone.
        Ils ne seront plus affichés.
      </p>
      <ul className="ws-recovery-codes">
        {props.codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
      <button type="button" className="gfa-button" onClick={props.onDone}>
        J’ai noté mes codes
      </button>
    </section>
  );
}
