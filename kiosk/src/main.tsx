/** Kiosk start-up: device session, scanner and card reader wiring, offline outbox retries. */
import { createRoot } from 'react-dom/client';
import { ApiError, createApiClient, Outbox } from '@gfa/shared/client';
import { openDeviceSession } from '@gfa/shared/ui';
import '@gfa/shared/ui/theme.css';
import './kiosk.css';
import { App } from './App.js';
import { createCheckin } from './checkin.js';
import { identityReader } from './identity-reader.js';
import { scannerCapture } from './scanner.js';
import { newRequest, useKiosk } from './store.js';
import type { CheckinRequest } from '@gfa/shared';

const api = createApiClient();
let session: Promise<unknown> | null = null;
const ensureSession = (): Promise<unknown> => {
  session ??= openDeviceSession(api, location, localStorage).catch((error: unknown) => {
    session = null;
    throw error;
  });
  return session;
};
const checkin = createCheckin(api, new Outbox(localStorage), ensureSession);
const params = new URLSearchParams(location.search);
const resetAfterMs = Number(params.get('reset') ?? 12_000);

async function submit(request: CheckinRequest): Promise<void> {
  const kiosk = useKiosk.getState();
  kiosk.setBusy(true);
  try {
    kiosk.show(await checkin.submit(request));
  } catch {
    kiosk.show({
      outcome: 'reception',
      instruction: {
        headline: "Merci de vous présenter à l'accueil",
        sentence: 'Un agent va vous accueillir.',
      },
    });
  }
}

/** A satisfaction tap, linked to the visit when its convocation was scanned first. */
async function answer(score: number): Promise<void> {
  const kiosk = useKiosk.getState();
  kiosk.setBusy(true);
  const reference = kiosk.satisfactionReference ?? undefined;
  try {
    await ensureSession();
    kiosk.thank(
      (await api.call('satisfaction', { body: { score, ...(reference ? { reference } : {}) } })).message,
    );
  } catch (error) {
    // The server's French reason (already answered, unknown convocation…), else a plain thanks.
    kiosk.thank(error instanceof ApiError ? error.message : 'Merci ! Votre avis n’a pas pu être enregistré.');
  }
}

// On the satisfaction screen a scanned convocation links the answer; elsewhere it checks in.
window.addEventListener(
  'keydown',
  scannerCapture((code) =>
    useKiosk.getState().screen === 'satisfaction'
      ? useKiosk.getState().scanned(code)
      : void submit(newRequest({ kind: 'reference', reference: code })),
  ),
);
identityReader()?.onIdentity((identity) => void submit(newRequest({ kind: 'identity', ...identity })));
setInterval(() => void checkin.flush(), Number(params.get('retry') ?? 5_000));
void ensureSession().catch(() => undefined);

createRoot(document.getElementById('root') as HTMLElement).render(
  <App
    submit={submit}
    answer={answer}
    resetAfterMs={resetAfterMs}
    hasCardReader={identityReader() !== null}
  />,
);
