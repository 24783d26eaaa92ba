import { newCallState, type CallState } from '../../functions/lib/core/call-state';
import { openState, sealState, STATE_MAX_AGE_MS } from '../../functions/lib/shell/state-seal';
import { renderTwiml } from '../../functions/lib/shell/twiml';

const SECRET = 'state-seal-test-secret-0123456789';
const RESPONDERS = [
  { name: 'alice', phone: '+15555550111' },
  { name: 'bob', phone: '+442079460123' },
];

function forwardingState(): CallState {
  return {
    ...newCallState('CA0123456789abcdef0123456789abcdef', '+15555550150', '+15555550100'),
    stage: 'forwarding',
    team: { name: 'Platform', policy: 'Primary' },
    chain: RESPONDERS,
    current: 1,
    attempts: [{ responder: 'alice', outcome: 'no-answer' }],
  };
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('sealState / openState', () => {
  it('round-trips the whole call state', () => {
    const state = forwardingState();
    const opened = openState(sealState(state, SECRET), SECRET);
    expect(opened).toEqual({ ok: true, state });
  });

  it('makes a URL-safe token short enough for a callback URL', () => {
    const token = sealState(forwardingState(), SECRET);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(token.length).toBeLessThan(1000);
  });

  it('seals the same state differently each time (random IV)', () => {
    const state = forwardingState();
    expect(sealState(state, SECRET)).not.toBe(sealState(state, SECRET));
  });

  it('refuses the token when any single character is changed to any other', () => {
    // Tokens of several lengths, so that some end in a partial base64 group (whose last
    // character has spare bits) and some do not.
    const tokens = ['', 'x', 'xy', 'xyz', 'wxyz', 'vwxyz'].map((extra) =>
      sealState({ ...forwardingState(), caller: `+1555555015${extra}` }, SECRET),
    );
    expect(new Set(tokens.map((t) => t.length % 4)).size).toBeGreaterThan(1);
    const accepted: string[] = [];
    for (const token of tokens) {
      for (let i = 0; i < token.length; i++) {
        for (const c of ALPHABET) {
          if (c === token[i]) continue;
          const altered = token.slice(0, i) + c + token.slice(i + 1);
          if (openState(altered, SECRET).ok)
            accepted.push(`length ${token.length}, position ${i}: ${token[i]} -> ${c}`);
        }
      }
    }
    expect(accepted).toEqual([]);
  });

  it('refuses a token that is cut short, lengthened, empty or not base64url', () => {
    const token = sealState(forwardingState(), SECRET);
    for (const altered of [
      token.slice(0, -1),
      token.slice(0, 30),
      `${token}A`,
      `${token}AAAA`,
      '',
      `${token}=`,
      token.replace(/.$/, '+'),
      'A'.repeat(80),
    ]) {
      expect(openState(altered, SECRET).ok).toBe(false);
    }
  });

  it('refuses a token sealed with another secret', () => {
    const token = sealState(forwardingState(), 'another-account-token');
    const opened = openState(token, SECRET);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.problem).toMatch(/authentication/);
  });

  it('honours a token up to a day old and refuses it after', () => {
    const sealedAt = Date.UTC(2026, 10, 24, 12, 0, 0);
    const token = sealState(forwardingState(), SECRET, sealedAt);
    expect(openState(token, SECRET, sealedAt + STATE_MAX_AGE_MS).ok).toBe(true);
    const expired = openState(token, SECRET, sealedAt + STATE_MAX_AGE_MS + 1);
    expect(expired.ok).toBe(false);
    if (!expired.ok) expect(expired.problem).toMatch(/expired/);
  });

  it('refuses a token issued in the future beyond a minute of clock skew', () => {
    const now = Date.UTC(2026, 10, 24, 12, 0, 0);
    expect(openState(sealState(forwardingState(), SECRET, now + 30_000), SECRET, now).ok).toBe(true);
    expect(openState(sealState(forwardingState(), SECRET, now + 120_000), SECRET, now).ok).toBe(false);
  });

  it('never shows a responder number in the token, in any encoding', () => {
    const token = sealState(forwardingState(), SECRET);
    const bytes = Buffer.from(token, 'base64url');
    for (const { phone } of RESPONDERS) {
      const digits = phone.replace('+', '');
      expect(token).not.toContain(digits);
      expect(token).not.toContain(Buffer.from(phone).toString('base64url').slice(0, 12));
      expect(bytes.toString('latin1')).not.toContain(digits);
    }
  });

  it('never shows a responder number in TwiML that links with the sealed state', () => {
    const state = forwardingState();
    const xml = renderTwiml(
      [
        { verb: 'say', text: 'Trying bob.' },
        { verb: 'gather', action: { endpoint: 'menu', state }, prompt: ['Press 1.'], timeoutSeconds: 5, numDigits: 1 },
        { verb: 'redirect', to: { endpoint: 'recorded', state } },
        {
          verb: 'record',
          action: { endpoint: 'recorded', state },
          transcribeCallback: { endpoint: 'transcribed', state },
          maxLengthSeconds: 60,
        },
      ],
      { voice: 'Polly.Joanna', language: 'en-US', seal: (link) => sealState(link.state, SECRET) },
    );
    expect(xml).toContain('/menu?s=');
    for (const { phone } of RESPONDERS) expect(xml).not.toContain(phone.replace('+', ''));
  });
});
