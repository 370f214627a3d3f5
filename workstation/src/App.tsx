/** The workstation: sign-in, then "Mon poste" and "Accueil" (by role), with the message bar. */
import { OfflineMarker } from '@gfa/shared/ui';
import { DeskView } from './DeskView.js';
import { Login } from './Login.js';
import { ReceptionView } from './ReceptionView.js';
import { signOut } from './session.js';
import { isAdministrator, isReceptionStaff, isSupervisor, useWorkstation, type Tab } from './store.js';
import { SupervisionView } from './SupervisionView.js';
import { AdminView } from './admin/AdminView.js';
import type { Principal } from '@gfa/shared';
import { AccountView } from './security/AccountView.js';
import { RecoveryCodesNotice } from './security/RecoveryCodesNotice.js';

export function App() {
  const { principal, tab, setTab, message, status, alerts, alertsSeen, recoveryCodes, setRecoveryCodes } =
    useWorkstation();
  if (!principal) {
    return (
      <>
        {message && (
          <p className={`ws-message ${message.kind}`} role="alert">
            {message.text}
          </p>
        )}
        <Login />
      </>
    );
  }
  if (recoveryCodes)
    return (
      <main className="ws-login">
        <div className="ws-login-panel">
          <RecoveryCodesNotice codes={recoveryCodes} onDone={() => setRecoveryCodes(null)} />
        </div>
      </main>
    );
  return (
    <div className="ws">
      <header className="ws-header">
        <strong>GFA</strong>
        <nav>
          {principal.professionalId && (
            <button type="button" aria-pressed={tab === 'desk'} onClick={() => setTab('desk')}>
              Mon poste
            </button>
          )}
          <button type="button" aria-pressed={tab === 'reception'} onClick={() => setTab('reception')}>
            Accueil
            {isReceptionStaff(principal) && alerts.length > alertsSeen
              ? ` (${alerts.length - alertsSeen})`
              : ''}
          </button>
          {isSupervisor(principal) && (
            <button type="button" aria-pressed={tab === 'supervision'} onClick={() => setTab('supervision')}>
              Supervision
            </button>
          )}
          {isAdministrator(principal) && (
            <button
              type="button"
              aria-pressed={tab === 'administration'}
              onClick={() => setTab('administration')}
            >
              Administration
            </button>
          )}
        </nav>
        <span>{principal.displayName}</span>
        <button type="button" aria-pressed={tab === 'account'} onClick={() => setTab('account')}>
          Mon compte
        </button>
        <button type="button" onClick={() => void signOut()}>
          Se déconnecter
        </button>
      </header>
      {message && (
        <p className={`ws-message ${message.kind}`} role={message.kind === 'error' ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      <Screen tab={tab} principal={principal} />
      <OfflineMarker status={status} />
    </div>
  );
}

function Screen(props: { readonly tab: Tab; readonly principal: Extract<Principal, { kind: 'user' }> }) {
  const { tab, principal } = props;
  if (tab === 'account') return <AccountView />;
  if (tab === 'desk' && principal.professionalId) return <DeskView />;
  if (tab === 'supervision' && isSupervisor(principal)) return <SupervisionView />;
  if (tab === 'administration' && isAdministrator(principal)) return <AdminView />;
  return <ReceptionView />;
}
