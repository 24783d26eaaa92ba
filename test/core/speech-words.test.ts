import { ordinalValue, spokenWords, stem, withinOneEdit } from '../../functions/lib/core/speech-words';

describe('spokenWords', () => {
  it.each([
    ['The DATA base team.', ['the', 'data', 'base', 'team']],
    ["I don't know", ['i', 'dont', 'know']],
    ['I.T. please', ['it', 'please']],
    ['on-call', ['on', 'call']],
    ['Number two, option 3', ['number', '2', 'option', '3']],
    ['the second one', ['the', 'second', '1']],
    ['Café Ops', ['cafe', 'ops']],
    ['someone', ['someone']],
    ['?!', []],
  ])('%p → %p', (text, words) => {
    expect(spokenWords(text)).toEqual(words);
  });
});

describe('ordinalValue', () => {
  it.each([
    ['first', 1],
    ['second', 2],
    ['ninth', 9],
    ['2nd', 2],
    ['3rd', 3],
    ['4th', 4],
  ])('%p → %p', (word, value) => {
    expect(ordinalValue(word)).toBe(value);
  });

  it.each(['tenth', '10th', 'two', '2', 'seconds'])('%p is not an ordinal up to nine', (word) => {
    expect(ordinalValue(word)).toBeUndefined();
  });
});

describe('stem', () => {
  it.each([
    [['network', 'networks', 'networking'], 'network'],
    [['payment', 'payments'], 'payment'],
    [['message', 'messages', 'messaging'], 'messag'],
    [['database', 'databases'], 'databas'],
    [['stage', 'staging'], 'stag'],
    [['service', 'services', 'servicing'], 'servic'],
    [['engineer', 'engineers', 'engineering'], 'engineer'],
  ])('%p all become %p', (words, base) => {
    expect(words.map(stem)).toEqual(words.map(() => base));
  });

  it.each([
    ['string', 'string'],
    ['access', 'access'],
    ['ops', 'ops'],
    ['ring', 'ring'],
  ])('leaves %p as %p', (word, base) => {
    expect(stem(word)).toBe(base);
  });
});

describe('withinOneEdit', () => {
  it.each([
    ['database', 'database'],
    ['databse', 'database'],
    ['databasse', 'database'],
    ['databaze', 'database'],
    ['datbaase', 'database'],
    ['xatabase', 'database'],
    ['databas', 'database'],
    ['atabase', 'database'],
  ])('%p and %p are one edit apart at most', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(true);
    expect(withinOneEdit(b, a)).toBe(true);
  });

  it.each([
    ['dtabsae', 'database'],
    ['databa', 'database'],
    ['dxtabasy', 'database'],
    ['abtadase', 'database'],
    ['search', 'starch1'],
  ])('%p and %p are further apart', (a, b) => {
    expect(withinOneEdit(a, b)).toBe(false);
    expect(withinOneEdit(b, a)).toBe(false);
  });
});
