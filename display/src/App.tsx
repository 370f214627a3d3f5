/** The TV screen: the current call very large, the last calls, prevention videos in between. */
import { displayName, type CategoryWaitsDto } from '@gfa/shared';
import { OfflineMarker } from '@gfa/shared/ui';
import { CategoryWaits } from './CategoryWaits.js';
import { PreventionVideos } from './PreventionVideos.js';
import { useDisplay } from './store.js';

export function App({ categoryWaits }: { readonly categoryWaits: () => Promise<CategoryWaitsDto> }) {
  const { current, history, status, playlist, settings } = useDisplay();
  const nameFormat = settings.nameFormat;
  return (
    <main className={history.length > 0 ? 'display display--with-history' : 'display'}>
      <section className="display-stage" aria-live="assertive">
        {current ? (
          <div className="display-call" data-testid="current-call">
            <p className="display-invite">{current.session ? 'Sont attendus' : 'Est attendu(e)'}</p>
            <p className="display-name">{displayName(current, nameFormat)}</p>
            <p className="display-room">{current.roomLabel}</p>
          </div>
        ) : playlist.length > 0 ? (
          <PreventionVideos playlist={playlist} />
        ) : (
          <div className="display-idle">
            <p>Bienvenue au Centre d'examens de santé</p>
            <p className="display-idle-sub">Vous serez appelé(e) sur cet écran.</p>
          </div>
        )}
      </section>
      {history.length > 0 && (
        // Only when there is something to list: an empty list would take a third of the screen.
        <aside className="display-history" aria-label="Derniers appels">
          <h2>Derniers appels</h2>
          <ol>
            {history.map((call) => (
              <li key={call.callId}>
                <span className="display-history-name">{displayName(call, nameFormat)}</span>
                <span className="display-history-room">{call.roomLabel}</span>
              </li>
            ))}
          </ol>
        </aside>
      )}
      <CategoryWaits enabled={settings.categoryWaits === true} load={categoryWaits} />
      <OfflineMarker status={status} />
    </main>
  );
}
