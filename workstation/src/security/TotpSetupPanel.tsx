/**
 * Setting up the authenticator app: the QR code (an image, never injected
 * markup: the CSP allows data: images), the secret for typing by hand, and
 * the first code that proves the app works.
 */
import { useState } from 'react';
import type { TotpSetup } from '@gfa/shared';

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP": easier to type into a phone. */
export const groupsOfFour = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

/** The SVG as a data: URL; UTF-8 safe (btoa alone only takes Latin-1). */
const svgDataUrl = (svg: string): string =>
  'data:image/svg+xml;base64,' +
  btoa(Array.from(new TextEncoder().encode(svg), (b) => String.fromCharCode(b)).join(''));

export function TotpSetupPanel(props: {
  readonly setup: TotpSetup;
  readonly onConfirm: (code: string) => Promise<unknown>;
}) {
  const [code, setCode] = useState('');
  return (
    <form
      className="ws-totp"
      aria-label="Activation de la double authentification"
      onSubmit={(event) => {
        event.preventDefault();
        void props.onConfirm(code.trim());
      }}
    >
      <ol>
        <li>Ouvrez l’application d’authentification de votre téléphone (Google Authenticator, FreeOTP…).</li>
        <li>Scannez ce QR code, ou saisissez la clé ci-dessous.</li>
        <li>Tapez le code à 6 chiffres affiché par l’application.</li>
      </ol>
      <img className="ws-qr" src={svgDataUrl(props.setup.qrSvg)} alt="QR code à scanner avec l’application" />
      <p>
        Clé secrète : <code aria-label="Clé secrète">{groupsOfFour(props.setup.secret)}</code>
      </p>
      <label>
        Code à 6 chiffres de l’application
        <input
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          value={code}
          onChange={(e) => setCode(e.target.value)}
        />
      </label>
      <button type="submit" className="gfa-button">
        Activer la double authentification
      </button>
    </form>
  );
}
