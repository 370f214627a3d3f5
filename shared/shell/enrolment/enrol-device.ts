/**
 * The enrolment loop: ask for a code, show it, poll until the administrator
 * approves or refuses. An expired request starts over with a new code, so an
 * unattended device is always showing a valid one.
 */
import {
  pollEnrolment,
  startEnrolment,
  type EnrolmentRequest,
  type ShellKind,
  type Transport,
} from './enrolment-client.js';

export type EnrolmentOutcome =
  | { readonly status: 'approved'; readonly deviceToken: string; readonly name: string }
  | { readonly status: 'refused' }
  | { readonly status: 'cancelled' };

export interface EnrolDeviceOptions {
  readonly transport: Transport;
  readonly kind: ShellKind;
  readonly hostname: string;
  /** Shows the code full screen (called again with each new code). */
  readonly onCode: (request: EnrolmentRequest) => void;
  readonly pollMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly now?: () => number;
  readonly signal?: AbortSignal;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function enrolDevice(options: EnrolDeviceOptions): Promise<EnrolmentOutcome> {
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const pollMs = options.pollMs ?? 2_000;
  while (!options.signal?.aborted) {
    const request = await startEnrolment(options.transport, options.kind, options.hostname);
    options.onCode(request);
    const expiresAt = request.expiresAt;
    for (;;) {
      await sleep(pollMs);
      if (options.signal?.aborted) return { status: 'cancelled' };
      const result = await pollEnrolment(options.transport, request.requestId);
      if (result.status === 'approved') {
        return { status: 'approved', deviceToken: result.deviceToken, name: result.name };
      }
      if (result.status === 'refused') return { status: 'refused' };
      if (result.status === 'expired' || (Number.isFinite(expiresAt) && now() > expiresAt)) break;
    }
  }
  return { status: 'cancelled' };
}
