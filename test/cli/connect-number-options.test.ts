// The pure parts of `npm run connect-number`: flags, credentials, the settings it aims for, and
// the quoting of the undo command.
import { resolveAccess } from '../../cli/connect-number/credentials';
import { UsageError } from '../../cli/connect-number/errors';
import { checkServiceUrl, parseCommand } from '../../cli/connect-number/options';
import { planChanges, standardSettings, targetSettings } from '../../cli/connect-number/plan';
import { restoreArgs, restoreCommand, shellQuote } from '../../cli/connect-number/restore-command';
import { rebase } from '../../cli/connect-number/twilio-client';
import type { NumberVoiceSettings } from '../../cli/connect-number/voice-fields';
import { runShell } from './helpers/connect-number';

const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const KEY = 'SK0123456789abcdef0123456789abcdef';

function usageError(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('--url', () => {
  it.each([
    ['https://oncall-1234.twil.io', 'https://oncall-1234.twil.io'],
    ['https://oncall-1234.twil.io/', 'https://oncall-1234.twil.io'],
    ['https://example.com/oncall//', 'https://example.com/oncall'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['http://127.0.0.1:3000', 'http://127.0.0.1:3000'],
  ])('%s becomes %s', (given, base) => {
    expect(checkServiceUrl(given)).toBe(base);
  });

  it('refuses plain http for another host', () => {
    expect(usageError(() => checkServiceUrl('http://oncall-1234.twil.io'))).toContain('must start with https://');
  });
});

describe('flags', () => {
  it('--url with single fields on top: a field given wins', () => {
    const parsed = parseCommand(['--number', '+15555550100', '--url', 'https://a.twil.io', '--voice-method', 'get']);
    if (parsed.help) throw new Error('not help');
    const target = targetSettings(parsed.options.serviceUrl, parsed.options.overrides);
    expect(target).toEqual({ ...standardSettings('https://a.twil.io'), voiceMethod: 'GET' });
  });

  it('only single fields: only those are aimed for', () => {
    const parsed = parseCommand(['--number', '+15555550100', '--status-callback', '']);
    if (parsed.help) throw new Error('not help');
    expect(targetSettings(parsed.options.serviceUrl, parsed.options.overrides)).toEqual({ statusCallback: '' });
  });

  it('--help wins over everything else', () => {
    expect(parseCommand(['--help', '--number', 'nope'])).toEqual({ help: true });
  });

  it('refuses a positional argument in one line', () => {
    expect(usageError(() => parseCommand(['+15555550100']))).toMatch(/^Unexpected argument '\+15555550100'$/);
  });
});

describe('credentials', () => {
  const withKey = { ACCOUNT_SID: ACCOUNT, TWILIO_API_KEY: KEY, TWILIO_API_SECRET: 'secret' };

  it('an API key from the environment, recommended', () => {
    expect(resolveAccess({}, withKey)).toEqual({
      accountSid: ACCOUNT,
      username: KEY,
      password: 'secret',
      apiUrl: 'https://api.twilio.com',
      sources: ['TWILIO_API_KEY', 'TWILIO_API_SECRET', 'ACCOUNT_SID'],
    });
  });

  it('the account SID and auth token', () => {
    expect(resolveAccess({}, { ACCOUNT_SID: ACCOUNT, AUTH_TOKEN: 'token' })).toMatchObject({
      username: ACCOUNT,
      password: 'token',
      sources: ['AUTH_TOKEN', 'ACCOUNT_SID'],
    });
  });

  it('the API key before the auth token, unless the token alone is given as a flag', () => {
    expect(resolveAccess({}, { ...withKey, AUTH_TOKEN: 'token' }).username).toBe(KEY);
    expect(resolveAccess({ authToken: 'flag-token' }, withKey)).toMatchObject({
      username: ACCOUNT,
      password: 'flag-token',
      sources: ['--auth-token', 'ACCOUNT_SID'],
    });
  });

  it('flags win over the environment', () => {
    const access = resolveAccess({ apiSecret: 'from-flag' }, withKey);
    expect(access).toMatchObject({ password: 'from-flag', sources: ['TWILIO_API_KEY', '--api-secret', 'ACCOUNT_SID'] });
  });

  it('TWILIO_API_URL moves the requests, without its trailing slash', () => {
    expect(resolveAccess({}, { ...withKey, TWILIO_API_URL: 'http://127.0.0.1:4010/' }).apiUrl).toBe(
      'http://127.0.0.1:4010',
    );
  });

  it.each([
    [{}, /^no Twilio credentials: set TWILIO_API_KEY, TWILIO_API_SECRET and ACCOUNT_SID/],
    [{ TWILIO_API_KEY: KEY, ACCOUNT_SID: ACCOUNT }, /^TWILIO_API_KEY is set but TWILIO_API_SECRET is not/],
    [{ AUTH_TOKEN: 'token' }, /^ACCOUNT_SID \(or --account-sid\) is not set/],
    [{ AUTH_TOKEN: 'token', ACCOUNT_SID: 'ACnope' }, /^ACCOUNT_SID "ACnope" is not an account sid/],
    [{ ...withKey, TWILIO_API_KEY: 'secret-by-mistake' }, /^TWILIO_API_KEY is not an API key sid/],
    [{ ...withKey, TWILIO_API_URL: 'api.twilio.com' }, /^TWILIO_API_URL "api\.twilio\.com" is not an http\(s\) URL/],
  ])('%j: one line saying what is missing or wrong', (env, message) => {
    expect(usageError(() => resolveAccess({}, env))).toMatch(message);
  });

  it('never names a secret in its messages', () => {
    expect(usageError(() => resolveAccess({}, { ...withKey, TWILIO_API_KEY: 'secret-by-mistake' }))).not.toContain(
      'secret-by-mistake',
    );
  });
});

describe('the plan', () => {
  const current: NumberVoiceSettings = {
    sid: 'PN00000000000000000000000000000001',
    phoneNumber: '+15555550100',
    ...standardSettings('https://a.twil.io'),
    voiceFallbackMethod: 'POST',
  };

  it('changes only the fields that differ', () => {
    expect(planChanges(current, standardSettings('https://a.twil.io'))).toEqual([
      { field: 'voiceFallbackMethod', from: 'POST', to: 'GET' },
    ]);
  });
});

describe('the undo command', () => {
  const before: NumberVoiceSettings = {
    sid: 'PN00000000000000000000000000000001',
    phoneNumber: '+15555550100',
    voiceUrl: "https://example.com/it's here?a=1&b=$HOME",
    voiceMethod: 'GET',
    voiceFallbackUrl: '',
    voiceFallbackMethod: '',
    statusCallback: 'https://example.com/status',
    statusCallbackMethod: 'POST',
    voiceApplicationSid: '',
    trunkSid: 'TK0000000000000000000000000000b001',
  };

  it('names every field, leaving out a method Twilio never reported', () => {
    expect(restoreArgs(before)).toEqual([
      '--number',
      '+15555550100',
      '--voice-url',
      "https://example.com/it's here?a=1&b=$HOME",
      '--voice-method',
      'GET',
      '--voice-fallback-url',
      '',
      '--status-callback',
      'https://example.com/status',
      '--status-callback-method',
      'POST',
      '--voice-application-sid',
      '',
      '--trunk-sid',
      'TK0000000000000000000000000000b001',
    ]);
  });

  it('reaches the command word for word through a POSIX shell', async () => {
    const words = restoreArgs(before);
    const echoed = await runShell(`printf '%s\\n' ${words.map(shellQuote).join(' ')}`, {});
    expect(echoed.stdout).toBe(words.map((word) => `${word}\n`).join(''));
  });

  it('leaves plain words unquoted, so it reads well', () => {
    expect(restoreCommand({ ...before, voiceUrl: 'https://example.com/voice' })).toMatch(
      /^npm run connect-number -- --number \+15555550100 --voice-url https:\/\/example\.com\/voice --voice-method GET --voice-fallback-url '' /,
    );
  });
});

describe('the request client', () => {
  it('moves a request onto the base URL, keeping its path and query', () => {
    expect(
      rebase(
        'https://api.twilio.com/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json?PhoneNumber=%2B1555',
        'http://127.0.0.1:4010',
      ),
    ).toBe('http://127.0.0.1:4010/2010-04-01/Accounts/AC1/IncomingPhoneNumbers.json?PhoneNumber=%2B1555');
  });
});
