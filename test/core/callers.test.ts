import { isAnonymousCaller, matchesCallerPattern, parseCallerPattern } from '../../functions/lib/core/callers';

describe('parseCallerPattern', () => {
  it.each([
    ['+14155550100', { kind: 'number', number: '+14155550100' }],
    ['  +442079460958 ', { kind: 'number', number: '+442079460958' }],
    ['+123456789012345', { kind: 'number', number: '+123456789012345' }],
    ['+266696687', { kind: 'number', number: '+266696687' }],
    ['+1900*', { kind: 'prefix', prefix: '+1900' }],
    ['+44*', { kind: 'prefix', prefix: '+44' }],
    ['+1*', { kind: 'prefix', prefix: '+1' }],
    ['+123456789012345*', { kind: 'prefix', prefix: '+123456789012345' }],
  ])('accepts %p', (raw, pattern) => {
    expect(parseCallerPattern(raw)).toEqual({ ok: true, pattern });
  });

  it.each([
    ['', 'the pattern is empty'],
    ['   ', 'the pattern is empty'],
    ['14155550100', '"14155550100" does not start with + and a country code'],
    ['004414155550100', 'does not start with +'],
    ['+1800FLOWERS', '"+1800FLOWERS" has letters'],
    ['anonymous', 'has letters'],
    ['+1*900', '"+1*900" has a * that is not at the end'],
    ['+1900**', 'has a * that is not at the end'],
    ['*', 'does not start with +'],
    ['+1 415 555 0100', 'has characters other than digits after the +'],
    ['+1-415-555-0100', 'has characters other than digits after the +'],
    ['+1 900*', 'has characters other than digits after the +'],
    ['+1234567890123456', '"+1234567890123456" is too long: 16 digits, where E.164 allows 15'],
    ['+1234567890123456*', 'is too long: 16 digits'],
    ['+', 'would match every caller'],
    ['+*', 'would match every caller'],
    ['+0441234567', 'starts with 0'],
    ['+0*', 'starts with 0'],
    ['+1900', '"+1900" is too short for a phone number; end it with * to match every number that starts so'],
  ])('rejects %p: %s', (raw, problem) => {
    const parsed = parseCallerPattern(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(problem);
  });
});

describe('matchesCallerPattern', () => {
  it.each([
    ['+14155550100', '+14155550100', true],
    ['+14155550101', '+14155550100', false],
    ['+141555501001', '+14155550100', false],
    ['+1415555010', '+14155550100', false],
    ['+19005550123', '+1900*', true],
    ['+1900', '+1900*', true],
    ['+19015550123', '+1900*', false],
    ['+447700900123', '+44*', true],
    ['+14155550100', '+44*', false],
    ['+14155550100', ' +1415* ', true],
  ])('%p against %p: %p', (caller, pattern, matches) => {
    expect(matchesCallerPattern(caller, pattern)).toBe(matches);
  });

  it('matches nothing with a pattern parseCallerPattern rejects', () => {
    expect(matchesCallerPattern('+14155550100', '14155550100')).toBe(false);
    expect(matchesCallerPattern('+14155550100', '+1*4155550100')).toBe(false);
    expect(matchesCallerPattern('+14155550100', '+*')).toBe(false);
    expect(matchesCallerPattern('', '')).toBe(false);
  });

  it('never lets a withheld caller ID in words match a prefix', () => {
    expect(matchesCallerPattern('anonymous', '+1*')).toBe(false);
    expect(matchesCallerPattern('+1anonymous', '+1*')).toBe(false);
    expect(matchesCallerPattern('client:alice', '+1*')).toBe(false);
  });
});

describe('isAnonymousCaller', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '  '],
    ['anonymous', 'anonymous'],
    ['Anonymous', 'Anonymous'],
    ['ANONYMOUS', 'ANONYMOUS'],
    ['restricted', 'Restricted'],
    ['unknown', 'UNKNOWN'],
    ['private', 'private'],
    ['unavailable', 'Unavailable'],
    ['ANONYMOUS on a keypad', '+266696687'],
    ['RESTRICTED on a keypad', '+7378742833'],
    ['UNAVAILABLE on a keypad', '+86282452253'],
    ['UNKNOWN on a keypad', '+8656696'],
    ['PRIVATE on a keypad', '+7748283'],
    ['BLOCKED on a keypad', '+2562533'],
    ['a number without its +', '14155550100'],
    ['a national number', '(415) 555-0100'],
    ['a country code starting with 0', '+0441234567'],
    ['too short', '+123456'],
    ['too long', '+1234567890123456'],
    ['a Twilio Client identity', 'client:alice'],
    ['a SIP address', 'sip:alice@example.com'],
    ['a number with letters', '+1800FLOWERS'],
  ])('%s (%p) is anonymous', (_label, from) => {
    expect(isAnonymousCaller(from)).toBe(true);
  });

  it.each([
    ['a US number', '+14155550100'],
    ['a UK mobile', '+447700900123'],
    ['a shortest plausible number', '+1234567'],
    ['a longest plausible number', '+123456789012345'],
    ['a number with stray spaces around it', ' +14155550100 '],
    ['a number that only starts like a keypad word', '+2666966870'],
  ])('%s (%p) is not anonymous', (_label, from) => {
    expect(isAnonymousCaller(from)).toBe(false);
  });
});
