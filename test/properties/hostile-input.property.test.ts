// Property tests over every handler's parameters: missing or garbage Digits, huge values,
// unknown keys, replayed or altered state, wrong signatures. Each must answer exactly once
// with well-formed TwiML, and never dial a number that the roster did not give this call.
import fc from 'fast-check';
import nock from 'nock';
import { parseTwiml, childElements, textContent, type TwimlElement } from '../../simulator';
import { newCallState, type CallState } from '../../functions/lib/core/call-state';
import { sealState } from '../../functions/lib/shell/state-seal';
import { handler as voice } from '../../functions/voice.protected';
import { handler as menu } from '../../functions/menu.protected';
import { handler as whisper } from '../../functions/whisper.protected';
import { handler as screen } from '../../functions/screen.protected';
import { handler as dialResult } from '../../functions/dial-result.protected';
import { handler as recorded } from '../../functions/recorded.protected';
import { handler as transcribed } from '../../functions/transcribed.protected';
import { handler as callbackRequest } from '../../functions/callback-request.protected';
import { AUTH_TOKEN, contextFor, invoke, signFor, type Handler } from './invoke';

const CALL_SID = 'CA11111111111111111111111111111111';
const OTHER_CALL_SID = 'CA22222222222222222222222222222222';
/** Every number the static roster can give: the only ones a lookup (at /voice or /menu) may dial. */
const ROSTER_PHONES = new Set(['+15555550101', '+15555550102', '+15555550103', '+15555550104']);
/** The chain sealed into this call's state: the only numbers any later webhook may dial. */
const SEALED_CHAIN = [
  { name: 'Alice', phone: '+15555550181' },
  { name: 'Bob', phone: '+15555550182' },
];

const handlers: Array<{ name: string; path: string; handler: Handler; leg: 'caller' | 'responder' | 'background' }> = [
  { name: 'voice', path: '/voice', handler: voice, leg: 'caller' },
  { name: 'menu', path: '/menu', handler: menu, leg: 'caller' },
  { name: 'whisper', path: '/whisper', handler: whisper, leg: 'responder' },
  { name: 'screen', path: '/screen', handler: screen, leg: 'responder' },
  { name: 'dial-result', path: '/dial-result', handler: dialResult, leg: 'caller' },
  { name: 'recorded', path: '/recorded', handler: recorded, leg: 'caller' },
  { name: 'transcribed', path: '/transcribed', handler: transcribed, leg: 'background' },
  { name: 'callback-request', path: '/callback-request', handler: callbackRequest, leg: 'caller' },
];

function stateFor(callSid: string, overrides: Partial<CallState> = {}): CallState {
  return {
    ...newCallState(callSid, '+15555550150', '+15555550100'),
    stage: 'forwarding',
    team: { name: 'Platform' },
    chain: SEALED_CHAIN,
    ...overrides,
  };
}

/** Flips one character of a token: an altered state. */
function alter(token: string, at: number): string {
  const i = at % token.length;
  const replacement = token[i] === 'A' ? 'B' : 'A';
  return `${token.slice(0, i)}${replacement}${token.slice(i + 1)}`;
}

type TokenKind = 'valid' | 'other-call' | 'altered' | 'garbage' | 'huge' | 'absent';

const tokenArbitrary = fc.record({
  kind: fc.constantFrom<TokenKind>('valid', 'other-call', 'altered', 'garbage', 'huge', 'absent'),
  stage: fc.constantFrom<CallState['stage']>('main-menu', 'team-menu', 'forwarding', 'voicemail', 'callback'),
  current: fc.integer({ min: -2, max: 5 }),
  alterAt: fc.nat(),
  garbage: fc.string({ maxLength: 80 }),
});

const garbageString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('1', '0', '2', '9', '#', '*', '', '12', '١', 'true', 'completed', 'no-answer', '-5', 'NaN', '1e309'),
  fc.string({ minLength: 5000, maxLength: 6000 }),
);

const paramsArbitrary = fc.record(
  {
    Digits: garbageString,
    SpeechResult: garbageString,
    From: garbageString,
    To: garbageString,
    DialCallStatus: garbageString,
    DialBridged: garbageString,
    DialCallDuration: garbageString,
    CallStatus: garbageString,
    RecordingUrl: garbageString,
    RecordingDuration: garbageString,
    TranscriptionText: garbageString,
    TranscriptionStatus: garbageString,
    UnknownKey: garbageString,
  },
  { requiredKeys: [] },
);

function tokenOf(
  kind: TokenKind,
  sample: { stage: CallState['stage']; current: number; alterAt: number; garbage: string },
): string | undefined {
  const state = stateFor(CALL_SID, { stage: sample.stage, current: sample.current });
  switch (kind) {
    case 'valid':
      return sealState(state, AUTH_TOKEN);
    case 'other-call':
      return sealState(stateFor(OTHER_CALL_SID, { stage: sample.stage }), AUTH_TOKEN);
    case 'altered':
      return alter(sealState(state, AUTH_TOKEN), sample.alterAt);
    case 'garbage':
      return sample.garbage;
    case 'huge':
      return 'A'.repeat(20_000);
    case 'absent':
      return undefined;
  }
}

function dialledNumbers(root: TwimlElement): string[] {
  const found: string[] = [];
  const walk = (element: TwimlElement): void => {
    if (element.name === 'Number') found.push(textContent(element).trim());
    for (const child of childElements(element)) walk(child);
  };
  walk(root);
  return found;
}

let incidentLines: string[] = [];

beforeAll(() => {
  nock.disableNetConnect();
});
afterAll(() => nock.enableNetConnect());

beforeEach(() => {
  incidentLines = [];
  const capture = (...args: unknown[]): void => {
    const line = args.map(String).join(' ');
    if (line.includes('Incident (static roster')) incidentLines.push(line);
  };
  jest.spyOn(console, 'log').mockImplementation(capture);
  jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe.each(handlers)('$name under hostile input', ({ path, handler, leg }) => {
  test('always answers once with well-formed TwiML and only dials numbers the roster gave', async () => {
    await fc.assert(
      fc.asyncProperty(
        tokenArbitrary,
        paramsArbitrary,
        fc.constantFrom('valid', 'wrong', 'absent'),
        fc.constantFrom('1', '2'),
        async (tokenSample, params, signatureKind, menus) => {
          incidentLines = [];
          const token = tokenOf(tokenSample.kind, tokenSample);
          const formParams: Record<string, string> = {
            CallSid: CALL_SID,
            ...(leg === 'responder' ? { ParentCallSid: CALL_SID } : {}),
            ...params,
          };
          const signature =
            signatureKind === 'valid'
              ? signFor(path, formParams, token)
              : signatureKind === 'wrong'
                ? 'bm90IGEgc2lnbmF0dXJl'
                : undefined;
          const event = {
            ...formParams,
            ...(token !== undefined ? { s: token } : {}),
            request: { headers: { host: 'localhost:3000', ...(signature ? { 'x-twilio-signature': signature } : {}) } },
          };

          const { body, calls } = await invoke(handler, contextFor(path, { NUMBER_OF_MENUS: menus }), event);

          expect(calls).toBe(1);
          const root = parseTwiml(body);
          expect(root.name).toBe('Response');
          const dialled = dialledNumbers(root);
          const looksUp = path === '/voice' || path === '/menu';
          const given = looksUp ? ROSTER_PHONES : new Set(SEALED_CHAIN.map((r) => r.phone));
          for (const phone of dialled)
            expect({ path, phone, given: given.has(phone) }).toEqual({ path, phone, given: true });

          const earned = signatureKind === 'valid';
          const stateIsGenuine = tokenSample.kind === 'valid' || path === '/voice';
          if (!earned || !stateIsGenuine) {
            // Nothing a request did not earn: no dial, no incident.
            expect(dialled).toEqual([]);
            expect(incidentLines).toEqual([]);
          }
          if (!earned && leg !== 'background') expect(body).toContain('could not be verified');
          if (!earned && leg === 'background') expect(childElements(root)).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});

test('the rendered TwiML never shows a responder number outside a <Number>', async () => {
  const state = stateFor(CALL_SID, { stage: 'forwarding', current: 0 });
  const token = sealState(state, AUTH_TOKEN);
  const params = { CallSid: CALL_SID, DialCallStatus: 'no-answer', DialBridged: 'false', CallStatus: 'in-progress' };
  const event = {
    ...params,
    s: token,
    request: { headers: { host: 'localhost:3000', 'x-twilio-signature': signFor('/dial-result', params, token) } },
  };
  const { body } = await invoke(dialResult, contextFor('/dial-result'), event);
  const withoutNumbers = body.replace(/<Number[^>]*>[^<]*<\/Number>/g, '');
  expect(body).toContain('+15555550182');
  expect(withoutNumbers).not.toMatch(/\+?1?55555501(0[1-4]|8[12])/);
});
