import { matchSpokenChoice } from '../../functions/lib/core/speech';

const TEAMS = ['Platform', 'Database', 'Payments'];

describe('matchSpokenChoice', () => {
  it.each([
    ['Platform', 1],
    ['database', 2],
    ['I need the PAYMENTS team, please!', 3],
    ['payments.', 3],
  ])('a team name: %p → %p', (speech, option) => {
    expect(matchSpokenChoice(speech, TEAMS)).toBe(option);
  });

  it.each([
    ['one', 1],
    ['two', 2],
    ['Three.', 3],
    ['option 2', 2],
    ['number two please', 2],
  ])('a spoken number: %p → %p', (speech, option) => {
    expect(matchSpokenChoice(speech, TEAMS)).toBe(option);
  });

  it.each([
    ['two names', 'platform or database'],
    ['two numbers', 'one or two'],
    ['a number out of range', 'four'],
    ['a digit out of range', '7'],
    ['zero', 'zero'],
    ['a two-digit number', '12'],
    ['an unknown name', 'billing'],
    ['nothing but punctuation', '?!'],
    ['an empty string', ''],
  ])('no match for %s (%p)', (_label, speech) => {
    expect(matchSpokenChoice(speech, TEAMS)).toBeUndefined();
  });

  it('a name wins over a number also heard', () => {
    expect(matchSpokenChoice('database one', TEAMS)).toBe(2);
  });

  it('needs every word of a multi-word label', () => {
    const labels = ['Core Infrastructure', 'Mobile Apps'];
    expect(matchSpokenChoice('core infrastructure please', labels)).toBe(1);
    expect(matchSpokenChoice('core', labels)).toBeUndefined();
    expect(matchSpokenChoice('apps for mobile', labels)).toBe(2);
  });

  it('prefers the longer label when one label is contained in another', () => {
    const labels = ['Database', 'Database Replicas'];
    expect(matchSpokenChoice('database', labels)).toBe(1);
    expect(matchSpokenChoice('the database replicas', labels)).toBe(2);
  });

  it('still treats two unrelated matching labels as ambiguous', () => {
    expect(matchSpokenChoice('database replicas and payments', ['Database Replicas', 'Payments'])).toBeUndefined();
  });

  it('matches whole words only', () => {
    expect(matchSpokenChoice('platforms', TEAMS)).toBeUndefined();
    expect(matchSpokenChoice('someone', TEAMS)).toBeUndefined();
  });

  it('ignores labels with no words', () => {
    expect(matchSpokenChoice('two', ['—', 'Database'])).toBe(2);
    expect(matchSpokenChoice('anything', ['—'])).toBeUndefined();
  });

  it('reads the main menu words', () => {
    const words = ['engineer', 'message'];
    expect(matchSpokenChoice('the on-call engineer', words)).toBe(1);
    expect(matchSpokenChoice('leave a message', words)).toBe(2);
    expect(matchSpokenChoice('engineer message', words)).toBeUndefined();
  });
});
