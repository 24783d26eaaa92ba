import type { FlowConfig } from '../../functions/lib/core/flow-config';
import {
  defaultMessages,
  fillTemplate,
  isMessageKey,
  spokenPhoneNumber,
  type MessageKey,
} from '../../functions/lib/core/messages';
import { say } from '../../functions/lib/core/say';
import { flowConfig } from './builders';

describe('fillTemplate', () => {
  it('fills every placeholder, numbers included', () => {
    expect(fillTemplate('For {team}, press {digit}.', { team: 'Database', digit: 2 })).toBe('For Database, press 2.');
  });

  it('fills a placeholder used twice', () => {
    expect(fillTemplate('{team}? Yes, {team}.', { team: 'Ops' })).toBe('Ops? Yes, Ops.');
  });

  it('leaves an unknown placeholder as it is so a typo stays visible', () => {
    expect(fillTemplate('Hello {teem}, from {caller}.', { team: 'Ops', caller: 'me' })).toBe('Hello {teem}, from me.');
  });

  it('leaves a template without placeholders unchanged', () => {
    expect(fillTemplate('Goodbye.', { team: 'Ops' })).toBe('Goodbye.');
  });

  it('inserts values literally (no $ replacement patterns) and does not refill inserted text', () => {
    expect(fillTemplate('For {team}.', { team: "$& $' {team}" })).toBe("For $& $' {team}.");
  });

  it('does not take inherited properties for values', () => {
    expect(fillTemplate('{toString} {constructor}', {})).toBe('{toString} {constructor}');
  });

  it('fills an empty value and zero', () => {
    expect(fillTemplate('[{a}][{b}]', { a: '', b: 0 })).toBe('[][0]');
  });
});

describe('spokenPhoneNumber', () => {
  it.each([
    ['+15555550100', '1 5 5 5 5 5 5 0 1 0 0'],
    ['+44 (20) 7946-0958', '4 4 2 0 7 9 4 6 0 9 5 8'],
    ['5551234', '5 5 5 1 2 3 4'],
    ['', 'an unknown number'],
    ['anonymous', 'an unknown number'],
    ['+', 'an unknown number'],
  ])('%p is read as %p', (phone, spoken) => {
    expect(spokenPhoneNumber(phone)).toBe(spoken);
  });
});

describe('isMessageKey', () => {
  it('knows every default message and nothing else', () => {
    for (const key of Object.keys(defaultMessages)) expect(isMessageKey(key)).toBe(true);
    expect(isMessageKey('greetings')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
    expect(isMessageKey('')).toBe(false);
  });
});

describe('defaultMessages', () => {
  const placeholders = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const expected: Partial<Record<MessageKey, string[]>> = {
    teamOption: ['digit', 'team'],
    defaultTeam: ['team'],
    connecting: ['responder', 'team'],
    connectingTeam: ['team'],
    whisper: ['caller', 'team'],
    reasonNobodyAnswered: ['team'],
    reasonNobodyOnCall: ['team'],
    reasonLookupFailed: ['team'],
    reasonAfterHours: ['team'],
    closedTransfer: ['other', 'team'],
    leaveMessage: ['team'],
    teamAlerted: ['team'],
    alertFailed: ['team'],
    tryingFallback: ['team'],
    messageReceived: ['team'],
    messageRecorded: ['team'],
    messageNotPassedOn: ['team'],
    noMessageHeard: ['team'],
    noMessageRecorded: ['team'],
    noMessageNotPassedOn: ['team'],
    callbackConfirmed: ['number', 'team'],
    callbackTexted: ['number'],
    callbackRecorded: ['number', 'team'],
    callbackNotPassedOn: ['team'],
  };

  it.each(Object.keys(defaultMessages) as MessageKey[])('%s uses only the placeholders the flow fills', (key) => {
    expect(placeholders(defaultMessages[key])).toEqual(expected[key] ?? []);
  });
});

describe('say', () => {
  it('fills the configured sentence, so an operator override is what the caller hears', () => {
    const config: FlowConfig = flowConfig({
      messages: { ...defaultMessages, teamOption: 'Press {digit} for the {team} people.' },
    });
    expect(say(config, 'teamOption', { team: 'Ops', digit: 4 })).toBe('Press 4 for the Ops people.');
  });

  it('says a sentence without values as it is', () => {
    expect(say(flowConfig(), 'greeting')).toBe('Thank you for calling the on-call line.');
  });
});
