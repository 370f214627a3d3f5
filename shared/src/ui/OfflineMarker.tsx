/** A discreet marker shown while the server cannot be reached. */
import type { LinkStatus } from '../client/live-socket.js';

export function OfflineMarker({ status }: { readonly status: LinkStatus }) {
  if (status === 'online') return null;
  return (
    <div className="gfa-offline" role="status">
      {status === 'connecting' ? 'Connexion…' : 'Hors ligne'}
    </div>
  );
}
