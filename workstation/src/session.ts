/** Login, live connection and notifications of the workstation. */
import {
  OFFER_CHIME_REPEAT_DEFAULT,
  workstationTopics,
  type DeskViewDto,
  type LoginStep,
  type ServerMessage,
  type SessionDto,
} from '@gfa/shared';
import { ApiError, LiveSocket, createApiClient } from '@gfa/shared/client';
import { playChime, wsUrl } from '@gfa/shared/ui';
import { deskBridge, reportAssigned } from './desk-bridge.js';
import { stopOfferAlert, updateOfferAlert } from './offer-alert.js';
import { useWorkstation } from './store.js';

export const api = createApiClient();
let socket: LiveSocket | null = null;
let token: string | null = null;

/** Runs an API call and shows its French error, if any, in the message bar. */
export async function attempt<T>(run: () => Promise<T>, success?: string): Promise<T | null> {
  const { say } = useWorkstation.getState();
  try {
    const result = await run();
    if (success) say('info', success);
    return result;
  } catch (error) {
    const text = error instanceof Error ? error.message : 'Erreur inattendue.';
    // A 401 may also be a wrong second-factor code: only a refused session check means "signed out".
    if (error instanceof ApiError && error.status === 401 && token) await checkSession(text);
    else say('error', text);
    return null;
  }
}

async function checkSession(text: string): Promise<void> {
  try {
    await api.call('accountSecurity');
    useWorkstation.getState().say('error', text);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) sessionEnded();
    else useWorkstation.getState().say('error', text);
  }
}

/**
 * The server ended this session (idle timeout, « Se déconnecter de tous les
 * postes » on another workstation, second factor reset): back to the login
 * page with the reason, rather than a screen whose every action fails.
 */
function sessionEnded(): void {
  if (!token) return;
  socket?.stop();
  closeLocally();
  useWorkstation
    .getState()
    .say(
      'error',
      'Votre session a pris fin (inactivité, déconnexion depuis un autre poste ou droits modifiés). Reconnectez-vous.',
    );
}

function notifyOffer(): void {
  // The GFA Poste shell notifies natively (and plays the sound) from the reported count.
  if (deskBridge()) return;
  playChime();
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    new Notification('GFA', { body: 'Un consultant vous est attribué.', tag: 'gfa-offer' });
  }
}

/** A new view of my desk: the shell's badge, the page title and the repeating chime follow it. */
function deskChanged(view: DeskViewDto | null): void {
  const ws = useWorkstation.getState();
  ws.setDesk(view);
  reportAssigned(view);
  const repeat = ws.config?.policy.offerChimeRepeatSeconds ?? OFFER_CHIME_REPEAT_DEFAULT;
  updateOfferAlert(view, repeat, !deskBridge());
}

function onMessage(message: ServerMessage): void {
  const ws = useWorkstation.getState();
  if (message.type === 'snapshot') {
    const data = message.data;
    if (data.topic === 'visits') ws.setVisits(data.visits);
    if (data.topic === 'desk') deskChanged(data.desk);
    if (data.topic === 'reception') ws.setAlerts(data.alerts);
  }
  if (message.type !== 'event') return;
  const payload = message.payload;
  if (message.topic === 'board') ws.boardChanged();
  if (payload.kind === 'config.changed') void reloadConfig();
  if (payload.kind === 'visit.changed') ws.putVisit(payload.visit);
  if (payload.kind === 'desk.view') deskChanged(payload.view);
  if (payload.kind === 'offer') notifyOffer();
  if (payload.kind === 'reception.alert') {
    ws.addAlert(payload.alert);
    playChime();
  }
}

/** Configuration changes apply live: the administrator's edits reach every workstation. */
async function reloadConfig(): Promise<void> {
  const config = await api.call('config').catch(() => null);
  if (config) useWorkstation.getState().setConfig(config);
}

/** Password step: opens the session, or returns the second-factor step the account needs. */
export async function signIn(login: string, password: string): Promise<LoginStep | null> {
  const answer = await api.call('login', { body: { login, password } });
  if ('next' in answer) return answer;
  await openSession(answer);
  return null;
}

/** Second-factor step; returns the recovery codes to show once after a first setup. */
export async function confirmSecondFactor(challenge: string, code: string): Promise<string[]> {
  const answer = await api.call('secondFactor', { body: { challenge, code } });
  // Set before the session opens so that the codes show before the app does.
  if (answer.recoveryCodes?.length) useWorkstation.getState().setRecoveryCodes(answer.recoveryCodes);
  await openSession(answer);
  return answer.recoveryCodes ?? [];
}

async function openSession(session: SessionDto): Promise<void> {
  if (session.principal.kind !== 'user')
    throw new ApiError(403, 'forbidden', 'Compte non autorisé sur ce poste.');
  token = session.token;
  api.setToken(token);
  const config = await api.call('config');
  useWorkstation.getState().signIn(session.principal, config);
  if (typeof Notification !== 'undefined' && Notification.permission === 'default')
    void Notification.requestPermission();
  socket = new LiveSocket({
    url: wsUrl(location),
    token: () => token,
    client: 'workstation',
    topics: workstationTopics(session.principal),
    onMessage,
    onStatus: (status) => useWorkstation.getState().setStatus(status),
    onSessionEnded: sessionEnded,
  });
  socket.start();
}

export async function signOut(): Promise<void> {
  socket?.stop();
  await api.call('logout').catch(() => undefined);
  closeLocally();
}

/** Ends every session of this account (all workstations), then this one. */
export async function signOutEverywhere(): Promise<void> {
  // Stopped first: the server closes this socket too, and that must not read as "session ended".
  socket?.stop();
  try {
    await api.call('logoutEverywhere');
  } catch (error) {
    socket?.start();
    throw error;
  }
  closeLocally();
}

function closeLocally(): void {
  stopOfferAlert();
  socket = null;
  token = null;
  api.setToken(null);
  useWorkstation.getState().signOut();
}
