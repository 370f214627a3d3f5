/** Staff sign-in. */
import { useState } from 'react';
import { attempt, signIn } from './session.js';

export function Login() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  return (
    <main className="ws-login">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void attempt(() => signIn(login.trim(), password));
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
