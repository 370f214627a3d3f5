/**
 * « Mon compte », for every staff member: the state of the second factor,
 * its activation (QR code, first code, recovery codes shown once) and the
 * logout from every workstation (a forgotten session elsewhere).
 */
import { useEffect, useState } from 'react';
import type { AccountSecurity, TotpSetup } from '@gfa/shared';
import { api, attempt, signOutEverywhere } from '../session.js';
import { RecoveryCodesNotice } from './RecoveryCodesNotice.js';
import { TotpSetupPanel } from './TotpSetupPanel.js';

export function AccountView() {
  const [security, setSecurity] = useState<AccountSecurity | null>(null);
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const load = () => void attempt(() => api.call('accountSecurity')).then((s) => s && setSecurity(s));
  useEffect(load, []);
  if (!security) return null;

  const start = async () => setSetup(await attempt(() => api.call('startTotpSetup')));
  const confirm = async (code: string) => {
    if (!setup) return;
    const done = await attempt(
      () => api.call('confirmTotpSetup', { body: { challenge: setup.challenge, code } }),
      'Double authentification activée.',
    );
    if (!done) return;
    setSetup(null);
    setCodes(done.recoveryCodes);
    load();
  };

  return (
    <div className="ws-admin-grid ws-account">
      <section className="ws-form" aria-label="Double authentification">
        <h2>Double authentification</h2>
        <p>
          {security.totpEnabled
            ? 'Activée : un code de l’application est demandé à chaque connexion.'
            : 'Non activée.'}
        </p>
        {security.totpRequired && <p>Obligatoire pour votre compte.</p>}
        {security.totpEnabled && <p>Codes de secours restants : {security.recoveryCodesLeft}</p>}
        {codes && <RecoveryCodesNotice codes={codes} onDone={() => setCodes(null)} />}
        {setup ? (
          <>
            <TotpSetupPanel setup={setup} onConfirm={confirm} />
            <button type="button" className="gfa-button secondary" onClick={() => setSetup(null)}>
              Annuler
            </button>
          </>
        ) : (
          !codes && (
            <button type="button" className="gfa-button" onClick={() => void start()}>
              {security.totpEnabled
                ? 'Changer de téléphone (nouvelle clé, nouveaux codes)'
                : 'Activer la double authentification'}
            </button>
          )
        )}
      </section>
      <section className="ws-form" aria-label="Sessions">
        <h2>Sessions</h2>
        <p>Sessions ouvertes : {security.activeSessions}</p>
        <p>Un poste resté connecté ailleurs ? Fermez toutes vos sessions, y compris celle-ci.</p>
        <button type="button" className="gfa-button" onClick={() => void attempt(signOutEverywhere)}>
          Se déconnecter de tous les postes
        </button>
      </section>
    </div>
  );
}
