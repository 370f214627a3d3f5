/**
 * What the shell shows in each connection phase: the server's page, or the
 * local French fallback page with a title, a detail and, while enrolling,
 * the pairing code in large type.
 */
import { formatPairingCode } from '../enrolment/enrolment-client.js';
import type { ConnectionState } from './state.js';

export interface FallbackView {
  readonly title: string;
  readonly detail: string;
  /** The pairing code, "123 456", shown full screen. */
  readonly code?: string;
  /** Servers to pick from (links on the fallback page). */
  readonly servers?: readonly string[];
  /** Show the address form (typed host:port). */
  readonly askAddress?: boolean;
  /** A fingerprint to compare with `gfa cert`, with confirm/cancel links. */
  readonly fingerprint?: string;
}

export type ShellView =
  { readonly show: 'page' } | { readonly show: 'fallback'; readonly view: FallbackView };

const fallback = (view: FallbackView): ShellView => ({ show: 'fallback', view });

/**
 * `keepPage`: this shell keeps a live server page while the server is away
 * (the display plays cached videos, the kiosk keeps its outbox) instead of
 * replacing it by the fallback page.
 */
export function viewOf(
  state: ConnectionState,
  options: { keepPage: boolean; pageAlive: boolean },
): ShellView {
  switch (state.phase) {
    case 'searching':
      return fallback({
        title: 'Recherche du serveur GFA…',
        detail: state.note ?? 'Ce poste cherche le serveur du centre sur le réseau local.',
      });
    case 'choosing':
      return fallback({
        title: 'Plusieurs serveurs GFA trouvés',
        detail: 'Choisissez le serveur de ce centre.',
        servers: state.servers.map((server) => server.name),
      });
    case 'typing-address':
      return fallback({
        title: 'Serveur GFA introuvable',
        detail:
          state.error ??
          'Aucun serveur n’a été trouvé sur le réseau. Saisissez son adresse (ex. 192.168.1.10:8443).',
        askAddress: true,
      });
    case 'confirming':
      return fallback({
        title: 'Vérifiez l’empreinte du serveur',
        detail: `Comparez cette empreinte avec celle qu’affiche « gfa cert » sur le serveur (${state.origin}).`,
        fingerprint: state.fingerprint256,
      });
    case 'enrolling':
      return state.code === undefined
        ? fallback({ title: 'Appairage en cours…', detail: 'Demande d’appairage envoyée au serveur.' })
        : fallback({
            title: 'Code d’appairage',
            detail: 'À saisir dans Administration › Appareils',
            code: formatPairingCode(state.code),
          });
    case 'refused':
      return fallback({
        title: 'Appairage refusé',
        detail: 'L’administrateur a refusé ce poste. Une nouvelle demande sera faite dans une minute.',
      });
    case 'connecting':
      return fallback({ title: 'Connexion au serveur…', detail: state.origin });
    case 'connected':
      return { show: 'page' };
    case 'reconnecting':
      if (options.keepPage && options.pageAlive) return { show: 'page' };
      return fallback({
        title: 'Connexion au serveur perdue',
        detail: `Nouvelle tentative dans ${Math.ceil(state.retryInMs / 1000)} s (essai ${state.attempt}).`,
      });
    case 'blocked':
      return fallback({ title: 'Intervention de l’administrateur nécessaire', detail: state.message });
  }
}
