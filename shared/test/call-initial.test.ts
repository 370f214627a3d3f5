/** A call's initial is one capital letter, and a bad derived initial never drops the call. */
import { describe, expect, it } from 'vitest';
import { CallDto, displayName, initialOf } from '../src/api/index.js';

const call = {
  callId: 's1:1',
  visitId: 'v1',
  at: 0,
  civility: 'Mme' as const,
  initial: 'S',
  lastName: 'Weiß',
  roomLabel: 'Box 1',
  recall: false,
};

describe('call initials', () => {
  it.each([
    ['Jean', 'J'],
    ['ßara', 'S'],
    ['ﬁona', 'F'],
    ['  élodie', 'É'],
    ['e\u0301milie', 'É'],
    ['', ''],
  ])('initialOf(%j) = %j, one letter', (firstName, initial) => {
    expect(initialOf(firstName)).toBe(initial);
    expect([...initialOf(firstName)].length).toBeLessThanOrEqual(1);
  });

  it('shows « S. WEISS » for a first name starting with « ß »', () => {
    expect(displayName({ ...call, initial: initialOf('ßara') }, 'initial')).toBe('S. WEISS');
  });

  it('keeps a call whose initial does not fit, without an initial', () => {
    const parsed = CallDto.safeParse({ ...call, initial: 'SS' });
    expect(parsed.success).toBe(true);
    expect(parsed.data?.initial).toBe('');
    expect(displayName(parsed.data as CallDto, 'initial')).toBe('Mme WEISS');
  });
});
