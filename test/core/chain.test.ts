import { assembleChain, assembleSteps, type OnCallCandidate } from '../../functions/lib/core/chain';

const person = (name: string, ...phones: string[]): OnCallCandidate => ({ name, phones });

describe('assembleChain', () => {
  it('keeps the order of the steps, and of the people within a step', () => {
    const chain = assembleChain([
      [person('alice', '+15555550101')],
      [person('bob', '+15555550102'), person('carol', '+15555550103')],
      [person('dave', '+15555550104')],
    ]);
    expect(chain).toEqual([
      { name: 'alice', phone: '+15555550101' },
      { name: 'bob', phone: '+15555550102' },
      { name: 'carol', phone: '+15555550103' },
      { name: 'dave', phone: '+15555550104' },
    ]);
  });

  it('is empty without steps or people', () => {
    expect(assembleChain([])).toEqual([]);
    expect(assembleChain([[], []])).toEqual([]);
  });

  it('skips people with no phone and people with no usable phone', () => {
    const chain = assembleChain([
      [person('nophone'), person('alice', '+15555550101')],
      [person('junk', 'call me', '123', ''), person('bob', '+15555550102')],
    ]);
    expect(chain.map((r) => r.name)).toEqual(['alice', 'bob']);
  });

  it('uses the first usable phone of a person (best first)', () => {
    const chain = assembleChain([[person('alice', 'n/a', '555-555-0111', '+15555550101')]]);
    expect(chain).toEqual([{ name: 'alice', phone: '+15555550111' }]);
  });

  it('normalises the numbers to E.164', () => {
    const chain = assembleChain([
      [person('alice', '(555) 555-0101'), person('bob', '0044 20 7946 0958'), person('carol', '+1 555 555 0103')],
    ]);
    expect(chain.map((r) => r.phone)).toEqual(['+15555550101', '+442079460958', '+15555550103']);
  });

  it('does not ring a number twice: the first occurrence is kept, across steps and formats', () => {
    const chain = assembleChain([
      [person('alice', '+15555550101'), person('shared-desk', '555-555-0101')],
      [person('bob', '+15555550102'), person('alice', '+1 (555) 555-0101')],
      [person('bob-again', '15555550102'), person('carol', '+15555550103')],
    ]);
    expect(chain).toEqual([
      { name: 'alice', phone: '+15555550101' },
      { name: 'bob', phone: '+15555550102' },
      { name: 'carol', phone: '+15555550103' },
    ]);
  });

  it('a person whose first usable number is taken is skipped, not moved to a later number', () => {
    const chain = assembleChain([[person('alice', '+15555550101')], [person('bob', '+15555550101', '+15555550102')]]);
    expect(chain).toEqual([{ name: 'alice', phone: '+15555550101' }]);
  });
});

describe('assembleSteps', () => {
  it('keeps the steps, drops those left empty, and says who is skipped and why', () => {
    const { steps, skipped } = assembleSteps([
      [
        { name: 'alice', phones: ['+15555550101'] },
        { name: 'nophone', phones: ['email@example.com'] },
      ],
      [{ name: 'alias-of-alice', phones: ['+1 555 555 0101'] }],
      [
        { name: 'bob', phones: ['+15555550102'] },
        { name: 'carol', phones: ['+447700900103'] },
      ],
    ]);
    expect(steps).toEqual([
      [{ name: 'alice', phone: '+15555550101' }],
      [
        { name: 'bob', phone: '+15555550102' },
        { name: 'carol', phone: '+447700900103' },
      ],
    ]);
    expect(skipped).toEqual([
      { name: 'nophone', step: 0, why: 'no usable phone number' },
      { name: 'alias-of-alice', step: 1, why: 'their number is already in the chain' },
    ]);
  });
});
