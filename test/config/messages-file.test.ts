import { allowedPlaceholders, parseMessages } from '../../functions/lib/config/messages-file';
import { defaultMessages } from '../../functions/lib/core/messages';

const FILE = 'assets/messages.private.json';

describe('parseMessages', () => {
  it('takes a sentence that uses only the placeholders its message fills', () => {
    const { messages, problems } = parseMessages({ connecting: ' Ringing {responder} of {team}. ' }, FILE);
    expect(problems).toEqual([]);
    expect(messages.connecting).toBe('Ringing {responder} of {team}.');
    expect(messages.greeting).toBe(defaultMessages.greeting);
  });

  it('refuses a placeholder its message never fills, names message and placeholder, and keeps the default', () => {
    const { messages, problems } = parseMessages({ leaveMessage: 'Leave a message for {teem}.' }, FILE);
    expect(messages.leaveMessage).toBe(defaultMessages.leaveMessage);
    expect(problems).toEqual([
      {
        variable: `${FILE} leaveMessage`,
        message:
          'has the placeholder {teem}, which this message never fills (it may use {team}). Using the default text.',
        severity: 'warning',
      },
    ]);
  });

  it('names notVerified as fixed: it is said before any file is read', () => {
    const { messages, problems } = parseMessages({ notVerified: 'Go away.' }, FILE);
    expect(messages.notVerified).toBe(defaultMessages.notVerified);
    expect(problems).toEqual([expect.objectContaining({ variable: `${FILE} notVerified`, severity: 'warning' })]);
    expect(problems[0].message).toContain('cannot be changed');
  });

  it('says so when a message fills no placeholder at all', () => {
    const { problems } = parseMessages({ greeting: 'Welcome to {company}.' }, FILE);
    expect(problems[0].message).toContain('{company}, which this message never fills (it has none)');
  });

  it('takes an https URL as a recording to play, and refuses any other URL', () => {
    const { messages, problems } = parseMessages(
      { greeting: 'https://example.com/audio/greeting.mp3', noInput: 'http://example.com/x.mp3' },
      FILE,
    );
    expect(messages.greeting).toBe('https://example.com/audio/greeting.mp3');
    expect(messages.noInput).toBe(defaultMessages.noInput);
    expect(problems.map((p) => p.variable)).toEqual([`${FILE} noInput`]);
    expect(problems[0].message).toContain('is not an https URL');
  });

  it.each([
    ['an unknown name', { greting: 'Hi.' }, `${FILE} greting`],
    ['a blank sentence', { greeting: '  ' }, `${FILE} greeting`],
    ['a number', { greeting: 7 }, `${FILE} greeting`],
  ])('names %s and goes on with the defaults', (_label, overrides, variable) => {
    const { messages, problems } = parseMessages(overrides, FILE);
    expect(messages).toEqual(defaultMessages);
    expect(problems.map((p) => p.variable)).toEqual([variable]);
  });

  it('refuses a file that is not an object', () => {
    const { messages, problems } = parseMessages(['greeting'], FILE);
    expect(messages).toEqual(defaultMessages);
    expect(problems).toEqual([expect.objectContaining({ variable: FILE })]);
  });

  it('allows each message exactly the placeholders of its default text', () => {
    expect(allowedPlaceholders('teamOption')).toEqual(['team', 'digit']);
    expect(allowedPlaceholders('greeting')).toEqual([]);
  });
});
