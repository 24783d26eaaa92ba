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

  it('matches whole words, not parts of words', () => {
    expect(matchSpokenChoice('someone', TEAMS)).toBeUndefined();
    expect(matchSpokenChoice('plat', TEAMS)).toBeUndefined();
    expect(matchSpokenChoice('pay', TEAMS)).toBeUndefined();
  });

  // Changed on purpose: "platforms" used to match nothing; a plural now names the team.
  it('accepts a plural', () => {
    expect(matchSpokenChoice('platforms', TEAMS)).toBe(1);
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

describe('matchSpokenChoice with realistic recogniser output', () => {
  const OFFICE = ['Platform', 'Database', 'Payments', 'Networking', 'On Call Engineering'];

  it.each([
    ['Database', 2],
    ['DATABASE!', 2],
    ['The data base team.', 2],
    ['data-base', 2],
    ['plat form', 1],
    ['Payments, please.', 3],
    ['payment', 3],
    ["I'd like payments", 3],
    ['Hi, yes, hello, I want to talk to the payments team please, thanks.', 3],
    ['Uh, I need networking.', 4],
    ['networks', 4],
    ['Network.', 4],
    ['um okay the platform team', 1],
    ['on-call engineering', 5],
    ['oncall engineering', 5],
    ['On call engineers, please.', 5],
    ['engineering on call', 5],
  ])('%p → %p', (speech, option) => {
    expect(matchSpokenChoice(speech, OFFICE)).toBe(option);
  });

  it.each([
    ['databse', 2],
    ['data bass', 2],
    ['paymnets', 3],
    ['platfrom', 1],
    ['netwerking', 4],
    ['the platforn team', 1],
  ])('one slip in a long word: %p → %p', (speech, option) => {
    expect(matchSpokenChoice(speech, OFFICE)).toBe(option);
  });

  it.each([
    ['number two', 2],
    ['Number 2.', 2],
    ['the second one', 2],
    ['The 2nd one please.', 2],
    ['option three please', 3],
    ['the first one', 1],
    ['five', 5],
    ['two, two', 2],
  ])('a spoken number when no name was heard: %p → %p', (speech, option) => {
    expect(matchSpokenChoice(speech, OFFICE)).toBe(option);
  });

  it.each([
    ["I don't know", "I don't know"],
    ['only filler', 'Um. Okay. Hello?'],
    ['yes', 'Yes.'],
    ['the word team', 'team please'],
    ['half a name', 'data'],
    ['half a multi-word name', 'engineering'],
    ['two names', 'platform or database'],
    ['two names, one misheard', 'platform and databse'],
    ['two numbers', 'the first or the second'],
    ['a number out of range', 'number six'],
    ['a number word past nine', 'ten'],
    ['two slips', 'peymants'],
  ])('no match for %s (%p)', (_label, speech) => {
    expect(matchSpokenChoice(speech, OFFICE)).toBeUndefined();
  });

  it('asks again between two teams named alike', () => {
    expect(matchSpokenChoice('networks', ['Network', 'Networking'])).toBeUndefined();
    expect(matchSpokenChoice('network', ['Network', 'Networking'])).toBe(1);
    expect(matchSpokenChoice('networking', ['Network', 'Networking'])).toBe(2);
    expect(matchSpokenChoice('support', ['Support EU', 'Support US'])).toBeUndefined();
    expect(matchSpokenChoice('support U.S.', ['Support EU', 'Support US'])).toBe(2);
    expect(matchSpokenChoice('support e u', ['Support EU', 'Support US'])).toBe(1);
  });

  it('prefers the exact word to a slip that fits another team, but not two teams equally near', () => {
    expect(matchSpokenChoice('search', ['Search', 'Starch'])).toBe(1);
    expect(matchSpokenChoice('starch', ['Search', 'Starch'])).toBe(2);
    expect(matchSpokenChoice('sarch', ['Search', 'Starch'])).toBeUndefined();
    expect(matchSpokenChoice('billing', ['Billing', 'Bills'])).toBe(1);
    expect(matchSpokenChoice('bill', ['Billing', 'Bills'])).toBeUndefined();
  });

  it('gives short words no slips', () => {
    expect(matchSpokenChoice('cord', ['Core', 'Data'])).toBeUndefined();
    expect(matchSpokenChoice('cores', ['Core', 'Data'])).toBe(1);
  });

  it('prefers a longer name when the shorter one was heard inside it, even if loosely', () => {
    const labels = ['Payment', 'Payments Gateway'];
    expect(matchSpokenChoice('payment gateway', labels)).toBe(2);
    expect(matchSpokenChoice('payment', labels)).toBe(1);
    expect(matchSpokenChoice('data base replicas', ['Database', 'Database Replicas'])).toBe(2);
  });

  it('ignores filler words in a label, unless the label is nothing else', () => {
    expect(matchSpokenChoice('platform', ['Platform Team', 'Payments Team'])).toBe(1);
    expect(matchSpokenChoice('research development', ['Research and Development', 'Sales'])).toBe(1);
    expect(matchSpokenChoice('the A team please', ['A Team', 'Payments'])).toBe(1);
    expect(matchSpokenChoice('team', ['A Team', 'Payments'])).toBeUndefined();
  });

  it('reads the call-back option of the main menu', () => {
    const words = ['engineer', 'call back'];
    expect(matchSpokenChoice('call me back', words)).toBe(2);
    expect(matchSpokenChoice('callback please', words)).toBe(2);
    expect(matchSpokenChoice('an engineer', words)).toBe(1);
  });

  it('matches a number inside a label as a word or a digit', () => {
    const labels = ['Tier 1', 'Tier 2'];
    expect(matchSpokenChoice('tier two', labels)).toBe(2);
    expect(matchSpokenChoice('tier 1', labels)).toBe(1);
  });

  it('stays quick on very long speech', () => {
    const started = Date.now();
    expect(matchSpokenChoice(`${'payments '.repeat(500)}database`, OFFICE)).toBeUndefined();
    expect(matchSpokenChoice('x'.repeat(6000), OFFICE)).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
