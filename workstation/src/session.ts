/** Login, live connection and notifications of the workstation. */
import type { ServerMessage } from '@gfa/shared';
import { ApiError, LiveSocket, createApiClient } from '@gfa/shared/client';
import { playChime, wsUrl } from '@gfa/shared/ui';
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
    say('error', error instanceof Error ? error.message : 'Erreur inattendue.');
    return null;
  }
}

function notifyOffer(): void {
  playChime();
  if (typeof Notification !== 'undefined' && Notification.permission === 'granted') {
    new Notification('GFA', { body: 'Un consultant vous est attribué.', tag: 'gfa-offer' });
  }
}

function onMessage(message: ServerMessage): void {
  const ws = useWorkstation.getState();
  if (message.type === 'snapshot') {
    const data = message.data;
    if (data.topic === 'visits') ws.setVisits(data.visits);
    if (data.topic === 'desk') ws.setDesk(data.desk);
    if (data.topic === 'reception') ws.setAlerts(data.alerts);
  }
  if (message.type !== 'event') return;
  const payload = message.payload;
  if (payload.kind === 'visit.changed') ws.putVisit(payload.visit);
  if (payload.kind === 'desk.view') ws.setDesk(payload.view);
  if (payload.kind === 'offer') notifyOffer();
  if (payload.kind === 'reception.alert') {
    ws.addAlert(payload.alert);
    playChime();
  }
}

export async function signIn(login: string, password: string): Promise<void> {
  const session = await api.call('login', { body: { login, password } });
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
    topics: session.principal.professionalId ? ['visits', 'desk', 'reception'] : ['visits', 'reception'],
    onMessage,
    onStatus: (status) => useWorkstation.getState().setStatus(status),
  });
  socket.start();
}

export async function signOut(): Promise<void> {
  socket?.stop();
  await api.call('logout').catch(() => undefined);
  token = null;
  api.setToken(null);
  useWorkstation.getState().signOut();
}
