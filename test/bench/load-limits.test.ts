import { checkLimits, functionName, profileOf } from '../../bench/load-limits';

describe('functionName', () => {
  it('strips the folder, .protected and .js', () => {
    expect(functionName('/x/dist/functions/voice.protected.js')).toBe('voice');
    expect(functionName('call-status.js')).toBe('call-status');
  });
});

describe('profileOf and checkLimits', () => {
  it('holds the whisper to 45 ms of load and marks it as asking no provider', () => {
    expect(profileOf('whisper').providerRequests).toBe('no');
    expect(checkLimits('whisper', { loadMs: 44.9, withAxiosMs: 300 })).toEqual([
      { maxMs: 45, withAxios: false, ms: 44.9, within: true },
    ]);
  });

  it('holds the greeting to 45 ms with its teams configured and 90 ms with axios', () => {
    expect(checkLimits('voice', { loadMs: 46, withAxiosMs: 90 }).map((check) => [check.when, check.within])).toEqual([
      ['teams configured', false],
      ['reads a team list', true],
    ]);
  });

  it('holds a function it does not know to the provider limit, axios included', () => {
    expect(profileOf('dial-result').providerRequests).toBe('yes');
    expect(checkLimits('dial-result', { loadMs: 10, withAxiosMs: 91 })).toEqual([
      { maxMs: 90, withAxios: true, ms: 91, within: false },
    ]);
  });
});
