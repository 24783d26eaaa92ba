// `npm run connect-number` end to end, against the simulator's stand-in of Twilio's
// IncomingPhoneNumbers API: mostly in-process with injected argv, env and output; the undo
// command and the exit codes also through the bundled file and a real shell.
import type { OutcomeJson } from '../../cli/connect-number/report';
import { fetchVoiceSettings } from '../../cli/connect-number/voice-settings';
import { NumberNotFoundError, TwilioApiError } from '../../cli/connect-number/errors';
import { MOCK_TWILIO_ACCOUNT, startMockProviders, type MockProviders } from '../../simulator/mock-providers';
import { builtCommand, runInProcess, runShell, withBuiltCommand, type CommandRun } from './helpers/connect-number';

const NUMBER = '+15555550100';
const SERVICE = 'https://oncall-1234.twil.io';
const SEEDED_APPLICATION = 'AP0000000000000000000000000000a001';
const OLD_VOICE_URL = 'https://old-service-0000.twil.io/victorops-live-call-routing';

let mock: MockProviders;
let apiKeyEnv: Record<string, string>;
beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
  apiKeyEnv = {
    TWILIO_API_URL: mock.url,
    ACCOUNT_SID: MOCK_TWILIO_ACCOUNT.accountSid,
    TWILIO_API_KEY: MOCK_TWILIO_ACCOUNT.apiKeySid,
    TWILIO_API_SECRET: MOCK_TWILIO_ACCOUNT.apiKeySecret,
  };
});
afterAll(() => mock.stop());
beforeEach(() => mock.reset());

const run = (args: string[], env: Record<string, string> = apiKeyEnv): Promise<CommandRun> => runInProcess(args, env);

async function json(args: string[]): Promise<OutcomeJson> {
  const result = await run([...args, '--json']);
  expect(result).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(result.stdout) as OutcomeJson;
}

const updates = (): number => mock.requests().filter((request) => request.method === 'POST').length;
const seeded = () => mock.twilioNumbers.find(NUMBER);

describe('npm run connect-number', () => {
  it('without --url shows the voice settings, says what the application does, and changes nothing', async () => {
    const result = await run(['--number', NUMBER]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`  VoiceUrl              ${OLD_VOICE_URL}\n`);
    expect(result.stdout).toContain('  VoiceFallbackUrl      (not set)\n');
    expect(result.stdout).toContain(
      `  VoiceApplicationSid   ${SEEDED_APPLICATION}   (while it is set, Twilio ignores VoiceUrl)\n`,
    );
    expect(result.stdout).toContain(
      'To put these settings back later:\n  npm run connect-number -- --number +15555550100',
    );
    expect(updates()).toBe(0);
  });

  it('--dry-run prints the change and leaves the number as it was', async () => {
    const before = seeded();
    const result = await run(['--number', NUMBER, '--url', `${SERVICE}/`, '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Changes it would make:\n');
    expect(result.stdout).toContain(`  VoiceUrl              ${OLD_VOICE_URL} → ${SERVICE}/voice\n`);
    expect(result.stdout).toContain(
      `  VoiceApplicationSid   ${SEEDED_APPLICATION} → (cleared): while it is set, Twilio ignores VoiceUrl\n`,
    );
    expect(result.stdout).toContain('Dry run: nothing was changed.\n');
    expect(updates()).toBe(0);
    expect(seeded()).toEqual(before);
  });

  it('--dry-run --json shows the settings it would leave', async () => {
    const outcome = await json(['--number', NUMBER, '--url', SERVICE, '--dry-run']);
    expect(outcome).toMatchObject({
      changed: true,
      dryRun: true,
      before: { voiceUrl: OLD_VOICE_URL, voiceApplicationSid: SEEDED_APPLICATION },
      after: { voiceUrl: `${SERVICE}/voice`, voiceApplicationSid: '' },
    });
    expect(updates()).toBe(0);
  });

  it('connects the number: the URLs and methods set, the application cleared, and says so', async () => {
    const result = await run(['--number', NUMBER, '--url', `${SERVICE}/`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Updated ${NUMBER}.\n`);
    expect(result.stdout).toContain(`${SEEDED_APPLICATION} → (cleared): while it is set, Twilio ignores VoiceUrl`);
    expect(result.stdout).toContain('To undo, put the previous settings back with:\n');
    expect(seeded()).toMatchObject({
      voiceUrl: `${SERVICE}/voice`,
      voiceMethod: 'POST',
      voiceFallbackUrl: `${SERVICE}/voice-fallback.xml`,
      voiceFallbackMethod: 'GET',
      statusCallback: `${SERVICE}/call-status`,
      statusCallbackMethod: 'POST',
      voiceApplicationSid: null,
      trunkSid: null,
    });
  });

  it('clears a SIP trunk the same way', async () => {
    mock.twilioNumbers.add({ phoneNumber: '+15555550177', trunkSid: 'TK0000000000000000000000000000b001' });
    const outcome = await json(['--number', '+15555550177', '--url', SERVICE]);
    expect(outcome).toMatchObject({ changed: true, before: { trunkSid: 'TK0000000000000000000000000000b001' } });
    expect(outcome.after.trunkSid).toBe('');
    expect(mock.twilioNumbers.find('+15555550177')).toMatchObject({ trunkSid: null, voiceUrl: `${SERVICE}/voice` });
  });

  it('--json reports what Twilio answered, and a second run has nothing to change', async () => {
    const first = await json(['--number', NUMBER, '--url', SERVICE]);
    expect(first).toMatchObject({ changed: true, dryRun: false, after: { statusCallback: `${SERVICE}/call-status` } });
    const second = await json(['--number', NUMBER, '--url', SERVICE]);
    expect(second).toMatchObject({ changed: false, before: first.after, after: first.after });
    expect(updates()).toBe(1);
  });

  it('the printed undo command, run in a shell, puts the number back as it was', async () => {
    const built = builtCommand();
    const original = seeded();
    const connected = await json(['--number', NUMBER, '--url', SERVICE]);
    const undo = await runShell(withBuiltCommand(connected.restoreCommand, built), apiKeyEnv);
    expect(undo).toMatchObject({ code: 0, stderr: '' });
    expect(undo.stdout).toContain(`Updated ${NUMBER}.`);
    expect(seeded()).toEqual({ ...original, dateUpdated: expect.any(Date) });
  });

  it('wrong credentials: exit 1, Twilio’s status, code and message, and the variables used', async () => {
    const result = await run(['--number', NUMBER], { ...apiKeyEnv, TWILIO_API_SECRET: 'not-the-secret' });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      `connect-number: Twilio answered HTTP 401, error 20003 while looking up ${NUMBER}: Authentication Error - ` +
        'invalid username or password (check TWILIO_API_KEY, TWILIO_API_SECRET, ACCOUNT_SID)\n',
    );
  });

  it('a wrong auth token names AUTH_TOKEN and ACCOUNT_SID', async () => {
    const env = { TWILIO_API_URL: mock.url, ACCOUNT_SID: MOCK_TWILIO_ACCOUNT.accountSid, AUTH_TOKEN: 'wrong' };
    const result = await run(['--number', NUMBER], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/HTTP 401, error 20003 .*\(check AUTH_TOKEN, ACCOUNT_SID\)\n$/);
  });

  it('the auth token works as well as the API key', async () => {
    const env = {
      TWILIO_API_URL: mock.url,
      ACCOUNT_SID: MOCK_TWILIO_ACCOUNT.accountSid,
      AUTH_TOKEN: MOCK_TWILIO_ACCOUNT.authToken,
    };
    expect((await run(['--number', NUMBER, '--url', SERVICE], env)).code).toBe(0);
    expect(seeded()?.voiceUrl).toBe(`${SERVICE}/voice`);
  });

  it('missing credentials: exit 2 naming the variables, nothing asked of Twilio', async () => {
    const result = await run(['--number', NUMBER], { TWILIO_API_URL: mock.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^connect-number: no Twilio credentials: set TWILIO_API_KEY, TWILIO_API_SECRET and /);
    expect(result.stderr).toContain('ACCOUNT_SID and AUTH_TOKEN');
    expect(mock.requests()).toEqual([]);
  });

  it('a number the account does not have: exit 1, saying so', async () => {
    const result = await run(['--number', '+15555550199', '--url', SERVICE]);
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toBe(
      `connect-number: +15555550199 is not a phone number of account ${MOCK_TWILIO_ACCOUNT.accountSid} ` +
        '(IncomingPhoneNumbers has no such number)\n',
    );
  });

  it('Twilio out of reach: exit 1 naming the URL tried', async () => {
    const result = await run(['--number', NUMBER], { ...apiKeyEnv, TWILIO_API_URL: 'http://127.0.0.1:1' });
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toMatch(
      /^connect-number: no usable answer from http:\/\/127\.0\.0\.1:1 while looking up \+15555550100: .*ECONNREFUSED/,
    );
  });

  it('a failed update: exit 1 with the status and what was being done, after the undo command', async () => {
    const updatePath = `/2010-04-01/Accounts/${MOCK_TWILIO_ACCOUNT.accountSid}/IncomingPhoneNumbers/PN`;
    mock.setFault({ path: updatePath, kind: 'status', status: 500, times: 1 });
    const result = await run(['--number', NUMBER, '--url', SERVICE]);
    expect(result.code).toBe(1);
    // Printed before the update was sent: a timeout could have changed the number all the same.
    expect(result.stdout).toContain(
      `To undo, put the previous settings back with:\n  npm run connect-number -- --number ${NUMBER} --voice-url ${OLD_VOICE_URL}`,
    );
    expect(result.stdout).not.toContain('Updated');
    expect(result.stderr).toBe(
      'connect-number: Twilio answered HTTP 500 while updating +15555550100 (PN00000000000000000000000000000001): ' +
        'Injected failure (HTTP 500)\n',
    );
    expect(seeded()?.voiceApplicationSid).toBe(SEEDED_APPLICATION);
  });

  it.each([
    [['--number', '5555550100', '--url', SERVICE], /--number "5555550100" is not in E\.164 form/],
    [['--number', '+1 555 555 0100', '--url', SERVICE], /--number "\+1 555 555 0100" is not in E\.164 form/],
    [['--url', SERVICE], /--number is required/],
    [
      ['--number', NUMBER, '--url', 'http://oncall-1234.twil.io'],
      /must start with https:\/\/ \(http:\/\/ only for localhost\)/,
    ],
    [['--number', NUMBER, '--url', 'oncall-1234.twil.io'], /--url "oncall-1234\.twil\.io" is not a URL/],
    [['--number', NUMBER, '--url', `${SERVICE}?x=1`], /must be a base URL/],
    [['--number', NUMBER, '--voice-method', 'PUT'], /--voice-method "PUT" is not GET or POST/],
    [['--number', NUMBER, '--colour', 'red'], /^connect-number: Unknown option '--colour'\n$/],
  ])('%j: exit 2 with one line, nothing asked of Twilio', async (args, message) => {
    const result = await run(args);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(mock.requests()).toEqual([]);
  });

  it('the bundled command exits 2 on bad usage and 0 on success, as npm runs it', async () => {
    const built = builtCommand();
    const bad = await runShell(`'${process.execPath}' '${built}' --number 12345`, apiKeyEnv);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toMatch(/^connect-number: --number "12345" is not in E\.164 form/);
    const shown = await runShell(`'${process.execPath}' '${built}' --number ${NUMBER} --json`, apiKeyEnv);
    expect(shown.code).toBe(0);
    expect((JSON.parse(shown.stdout) as OutcomeJson).before.voiceApplicationSid).toBe(SEEDED_APPLICATION);
  });

  it('http:// is taken for localhost', async () => {
    expect((await run(['--number', NUMBER, '--url', 'http://localhost:3000'])).code).toBe(0);
    expect(seeded()?.voiceUrl).toBe('http://localhost:3000/voice');
  });
});

describe('fetchVoiceSettings (for npm run doctor)', () => {
  const access = () => ({
    accountSid: MOCK_TWILIO_ACCOUNT.accountSid,
    username: MOCK_TWILIO_ACCOUNT.apiKeySid,
    password: MOCK_TWILIO_ACCOUNT.apiKeySecret,
    apiUrl: mock.url,
  });

  it('returns the settings, unset ones as ""', async () => {
    await expect(fetchVoiceSettings(access(), NUMBER)).resolves.toEqual({
      sid: 'PN00000000000000000000000000000001',
      phoneNumber: NUMBER,
      voiceUrl: OLD_VOICE_URL,
      voiceMethod: 'POST',
      voiceFallbackUrl: '',
      voiceFallbackMethod: 'POST',
      statusCallback: '',
      statusCallbackMethod: 'POST',
      voiceApplicationSid: SEEDED_APPLICATION,
      trunkSid: '',
    });
  });

  it('throws errors that say what failed, never ending the process', async () => {
    await expect(fetchVoiceSettings(access(), '+15555550199')).rejects.toBeInstanceOf(NumberNotFoundError);
    const refused = fetchVoiceSettings({ ...access(), password: 'wrong' }, NUMBER);
    await expect(refused).rejects.toBeInstanceOf(TwilioApiError);
    await expect(refused).rejects.toMatchObject({ status: 401, code: 20003 });
  });
});
