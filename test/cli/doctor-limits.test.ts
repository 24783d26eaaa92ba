// Twilio's limits on what a deploy uploads: 450 bytes a value, 128 characters a name, about 3 KB
// of context in all.
import { checkTwilioLimits } from '../../cli/doctor/limits';

describe('checkTwilioLimits', () => {
  it('passes values up to 450 bytes, counting bytes rather than characters', () => {
    const report = checkTwilioLimits({ AT_LIMIT: 'x'.repeat(450), ACCENTED: 'é'.repeat(225) });
    expect(report.overLimit).toEqual([]);
    const over = checkTwilioLimits({ ACCENTED: 'é'.repeat(226) });
    expect(over.overLimit).toEqual([{ variable: 'ACCENTED', part: 'value', size: 452, limit: 450 }]);
  });

  it('names a variable whose name is over 128 characters', () => {
    const name = `N${'x'.repeat(128)}`;
    expect(checkTwilioLimits({ [name]: '1' }).overLimit).toEqual([
      { variable: name, part: 'name', size: 129, limit: 128 },
    ]);
  });

  it('measures the context as JSON with the credentials Twilio adds, and warns from 3 KB', () => {
    const small = checkTwilioLimits({ TEAM_1: 'Platform' });
    // {"TEAM_1":"Platform","ACCOUNT_SID":"AC…32","AUTH_TOKEN":"…32"}
    expect(small.contextBytes).toBe(
      JSON.stringify({ TEAM_1: 'Platform', ACCOUNT_SID: `AC${'0'.repeat(32)}`, AUTH_TOKEN: '0'.repeat(32) }).length,
    );
    expect(small).toMatchObject({ contextLimitBytes: 3072, nearContextLimit: false });
    const many = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`NOTE_${i}`, 'x'.repeat(400)]));
    expect(checkTwilioLimits(many)).toMatchObject({ overLimit: [], nearContextLimit: true });
  });
});
