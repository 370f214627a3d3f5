/**
 * Staff sign-in: the password, then the second factor when the account has
 * one (code from the app or a recovery code), or its setup when it is
 * mandatory for the account and not done yet.
 */
import { useState } from 'react';
import type { LoginStep } from '@gfa/shared';
import { attempt, confirmSecondFactor, signIn } from './session.js';
import { TotpSetupPanel } from './security/TotpSetupPanel.js';

export function Login() {
  const [step, setStep] = useState<LoginStep | null>(null);
  if (step?.next === 'totp')
    return <SecondFactorStep challenge={step.challenge} onBack={() => setStep(null)} />;
  if (step?.next === 'totp-setup')
    return (
      <main className="ws-login">
        <div className="ws-login-panel">
          <h1>GFA — Double authentification</h1>
          <p className="ws-notice">La double authentification est obligatoire pour votre compte.</p>
          <TotpSetupPanel
            setup={step}
            onConfirm={(code) => attempt(() => confirmSecondFactor(step.challenge, code))}
          />
          <BackButton onBack={() => setStep(null)} />
        </div>
      </main>
    );
  return <PasswordStep onStep={setStep} />;
}

function PasswordStep(props: { readonly onStep: (step: LoginStep) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  return (
    <main className="ws-login">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void attempt(() => signIn(login.trim(), password)).then((step) => step && props.onStep(step));
        }}
      >
        <h1>GFA — Connexion</h1>
        <label>
          Identifiant
          <input
            name="login"
            autoComplete="username"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
          />
        </label>
        <label>
          Mot de passe
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <button type="submit" className="gfa-button">
          Se connecter
        </button>
      </form>
    </main>
  );
}

function SecondFactorStep(props: { readonly challenge: string; readonly onBack: () => void }) {
  const [code, setCode] = useState('');
  return (
    <main className="ws-login">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void attempt(() => confirmSecondFactor(props.challenge, code.trim()));
        }}
      >
        <h1>GFA — Double authentification</h1>
        <label>
          Code de l’application d’authentification (6 chiffres) ou code de secours
          <input
            name="code"
            autoComplete="one-time-code"
            maxLength={9}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
        <button type="submit" className="gfa-button">
          Valider
        </button>
        <BackButton onBack={props.onBack} />
      </form>
    </main>
  );
}

/** A challenge lives five minutes: going back starts again from the password. */
function BackButton(props: { readonly onBack: () => void }) {
  return (
    <button type="button" className="gfa-button secondary" onClick={props.onBack}>
      Retour
    </button>
  );
}
