import { recallAcceptance, rememberAcceptance } from '../../functions/lib/warm/acceptances';
import { resetWarmState } from '../../functions/lib/warm/state';

const LEG = 'CA' + 'b'.repeat(32);

beforeEach(() => resetWarmState());

describe('who accepted, by leg (warm state)', () => {
  it('is recalled once, by the leg it was kept under', () => {
    rememberAcceptance(LEG, 'bob', 1_000);
    expect(recallAcceptance('CA' + 'c'.repeat(32), 2_000)).toBeUndefined();
    expect(recallAcceptance(LEG, 2_000)).toBe('bob');
    expect(recallAcceptance(LEG, 2_000)).toBeUndefined();
  });

  it('is forgotten after six hours, and never kept without a leg', () => {
    rememberAcceptance(LEG, 'bob', 0);
    expect(recallAcceptance(LEG, 6 * 60 * 60 * 1000 + 1)).toBeUndefined();
    rememberAcceptance('', 'bob', 0);
    expect(recallAcceptance('', 0)).toBeUndefined();
    expect(recallAcceptance(undefined, 0)).toBeUndefined();
  });
});
