/**
 * Announces one call at a time: chime, then (if enabled) French speech, and
 * keeps it on screen a minimum time; the next call waits, so announcements
 * never talk over each other.
 */
import { displayName, type CallDto } from '@gfa/shared';
import { playChime } from '@gfa/shared/ui';

export function speakCall(call: CallDto): Promise<void> {
  const synth = globalThis.speechSynthesis;
  if (!synth) return Promise.resolve();
  const name = displayName(call, 'civility').replace('M. ', 'Monsieur ').replace('Mme ', 'Madame ');
  const utterance = new SpeechSynthesisUtterance(`${name}, ${call.roomLabel}.`);
  utterance.lang = 'fr-FR';
  return new Promise((done) => {
    utterance.onend = () => done();
    utterance.onerror = () => done();
    synth.speak(utterance);
  });
}

export async function announce(call: CallDto, options: { speech: boolean; holdMs: number }): Promise<void> {
  playChime();
  const hold = new Promise((r) => setTimeout(r, options.holdMs));
  if (options.speech) await speakCall(call);
  await hold;
}
