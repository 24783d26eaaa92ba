import { newCallState } from '../../functions/lib/core/call-state';
import { checkDestinations, fallbackChain } from '../../functions/lib/core/destinations';
import type { FlowConfig } from '../../functions/lib/core/flow-config';
import { connectToChain, MAX_CHAIN_LENGTH } from '../../functions/lib/core/forwarding';
import { defaultMessages } from '../../functions/lib/core/messages';
import { DEFAULT_ROUTING } from '../../functions/lib/core/routing';
import { asReply } from './builders';

const AT = new Date('2026-12-02T15:00:00Z');

const chain = [
  { name: 'alice', phone: '+15555550101' },
  { name: 'bruno', phone: '+442071838750' },
  { name: 'chen', phone: '+861012345678' },
];

describe('checkDestinations (toll-fraud guard)', () => {
  test('allows every number when no country code is configured', () => {
    expect(checkDestinations(chain, [])).toEqual({ allowed: chain, refusals: [] });
  });

  test('keeps only numbers in the allowed countries, in order', () => {
    const checked = checkDestinations(chain, ['1', '44']);
    expect(checked.allowed.map((r) => r.name)).toEqual(['alice', 'bruno']);
    expect(checked.refusals).toEqual(['chen skipped: the number is outside ALLOWED_COUNTRY_CODES']);
  });

  test('never puts the refused number itself in the log line', () => {
    const { refusals } = checkDestinations(chain, ['44']);
    expect(refusals).toHaveLength(2);
    for (const line of refusals) expect(line).not.toMatch(/\d{6,}/);
  });

  test('accepts the code with the number that follows it, as E.164 codes are prefix-free', () => {
    const checked = checkDestinations([{ name: 'x', phone: '+8613800000000' }], ['86']);
    expect(checked.allowed).toHaveLength(1);
    expect(checkDestinations([{ name: 'y', phone: '+18005550100' }], ['86']).allowed).toEqual([]);
  });
});

describe('fallbackChain', () => {
  test("turns the team's fallback numbers into a chain, in order", () => {
    expect(fallbackChain({ name: 'Platform', fallbackPhones: ['+15555550190', '+15555550191'] })).toEqual([
      { name: 'the Platform fallback line 1', phone: '+15555550190' },
      { name: 'the Platform fallback line 2', phone: '+15555550191' },
    ]);
  });

  test('is empty for a team without fallback numbers', () => {
    expect(fallbackChain({ name: 'Platform' })).toEqual([]);
  });
});

describe('chain length', () => {
  test('a call tries at most MAX_CHAIN_LENGTH responders, in order', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ name: `r${i}`, phone: `+1555555${1000 + i}` }));
    const flow: FlowConfig = {
      teams: [{ name: 'Platform' }],
      menus: 0,
      noVoicemail: false,
      noCall: false,
      speechInput: false,
      ringTimeoutSeconds: 20,
      voicemailMaxSeconds: 120,
      fallbackPhones: [],
      recordMenuHangups: false,
      routing: DEFAULT_ROUTING,
      callerIdMode: 'support',
      allowedCountryCodes: [],
      messages: { ...defaultMessages },
    };
    const state = { ...newCallState('CA1', '+15555550150', '+15555550100'), team: { name: 'Platform' } };
    const reply = asReply(connectToChain(flow, state, [], { ok: true, steps: [many] }, AT));
    const dial = reply.verbs.find((v) => v.verb === 'dial');
    expect(dial?.verb === 'dial' && dial.action.state.chain.map((r) => r.name)).toEqual(
      many.slice(0, MAX_CHAIN_LENGTH).map((r) => r.name),
    );
  });
});
