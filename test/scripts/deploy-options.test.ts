import {
  chooseDeployCredentials,
  describeEnvironment,
  refusedOption,
  takeOption,
} from '../../scripts/lib/deploy-options.cjs';

const API_KEY = { TWILIO_API_KEY: 'SK0123', TWILIO_API_SECRET: 'key-secret' };
const ACCOUNT = { ACCOUNT_SID: 'AC0123', AUTH_TOKEN: 'account-token' };

function chosen(args: string[], shell: Record<string, string>) {
  const choice = chooseDeployCredentials(args, shell);
  if (!choice.ok) throw new Error(`expected credentials, got: ${choice.message}`);
  return choice;
}

function refusal(args: string[], shell: Record<string, string>): string {
  const choice = chooseDeployCredentials(args, shell);
  if (choice.ok) throw new Error(`expected a refusal, got ${choice.credentials.description}`);
  return choice.message;
}

describe('chooseDeployCredentials', () => {
  it('prefers the flags, then an API key, then the account SID and token from the shell', () => {
    const flags = chosen(['--username', 'AC9', '--password', 'flag-secret'], { ...API_KEY, ...ACCOUNT });
    expect(flags.credentials).toMatchObject({ username: 'AC9', password: 'flag-secret' });
    expect(flags.credentials.description).toMatch(/--username\/--password/);

    const apiKey = chosen([], { ...API_KEY, ...ACCOUNT });
    expect(apiKey.credentials).toMatchObject({ username: 'SK0123', password: 'key-secret' });
    expect(apiKey.credentials.description).toMatch(/API key SK0123/);

    const account = chosen([], ACCOUNT);
    expect(account.credentials).toMatchObject({ username: 'AC0123', password: 'account-token' });
    expect(account.credentials.description).toMatch(/ACCOUNT_SID, AUTH_TOKEN/);
  });

  it('never puts a secret in the description it logs', () => {
    for (const [args, shell] of [
      [['--username', 'SK1', '--password', 'flag-secret'], {}],
      [[], API_KEY],
      [[], ACCOUNT],
    ] as Array<[string[], Record<string, string>]>) {
      const { credentials } = chosen(args, shell);
      expect(credentials.description).not.toContain(credentials.password);
    }
  });

  it('reads the flags in every form yargs takes and passes every other argument through in order', () => {
    const choice = chosen(
      ['--environment', 'staging', '-u', 'SK5', '--service-name', 'oncall', '--password=p=w', '--force'],
      {},
    );
    expect(choice.credentials).toMatchObject({ username: 'SK5', password: 'p=w' });
    expect(choice.rest).toEqual(['--environment', 'staging', '--service-name', 'oncall', '--force']);
    expect(chosen(['--username=AC1', '--password', 'x'], {}).credentials.username).toBe('AC1');
  });

  it('stops with one message naming the variables to set when there are no credentials', () => {
    const message = refusal(['--production'], { AUTH_TOKEN: '', SOMETHING_ELSE: 'x' });
    expect(message.split('\n')).toHaveLength(1);
    for (const name of [
      'TWILIO_API_KEY',
      'TWILIO_API_SECRET',
      'ACCOUNT_SID',
      'AUTH_TOKEN',
      '--username',
      '--password',
    ]) {
      expect(message).toContain(name);
    }
    expect(message).toMatch(/never read from \.env/);
  });

  it('names the missing ACCOUNT_SID when the shell has only an AUTH_TOKEN (perhaps a local one)', () => {
    expect(refusal([], { AUTH_TOKEN: 'local-token' })).toMatch(/AUTH_TOKEN is set but ACCOUNT_SID is not/);
  });

  it('names the missing half of a pair instead of falling through to the next kind', () => {
    expect(refusal([], { TWILIO_API_KEY: 'SK1', ...ACCOUNT })).toMatch(/TWILIO_API_KEY is set but TWILIO_API_SECRET/);
    expect(refusal(['--username', 'AC1'], API_KEY)).toMatch(/--username is set but --password is not/);
    expect(refusal(['--password', 'p'], API_KEY)).toMatch(/--password is set but --username is not/);
  });

  it('refuses a SID of the wrong kind, such as a secret put in TWILIO_API_KEY', () => {
    expect(refusal([], { TWILIO_API_KEY: 'key-secret', TWILIO_API_SECRET: 'SK1' })).toMatch(
      /TWILIO_API_KEY must be an API key SID \(SK…\)/,
    );
    expect(refusal([], { ACCOUNT_SID: 'SK1', AUTH_TOKEN: 't' })).toMatch(/ACCOUNT_SID must be an Account SID/);
    expect(refusal(['--username', 'me@example.com', '--password', 'p'], {})).toMatch(/--username must be/);
  });

  it('says so when a flag has no value', () => {
    expect(refusal(['--username'], {})).toMatch(/--username needs a value/);
  });
});

describe('describeEnvironment', () => {
  it('names the dev default and says how to change it', () => {
    expect(describeEnvironment(['--service-name', 'x'])).toMatch(/"dev" environment \(twilio-run's default/);
  });

  it('reads --environment and its alias --to, in both forms', () => {
    expect(describeEnvironment(['--environment', 'staging'])).toBe('the "staging" environment');
    expect(describeEnvironment(['--environment=qa'])).toBe('the "qa" environment');
    expect(describeEnvironment(['--to', 'stage'])).toBe('the "stage" environment');
  });

  it('lets --production win over --environment, as twilio-run does', () => {
    expect(describeEnvironment(['--environment', 'staging', '--production'])).toMatch(/production environment/);
  });
});

describe('refusedOption', () => {
  it('refuses --env, which would upload another file', () => {
    expect(refusedOption(['--env', '.env.local'])).toMatch(/--env is not accepted/);
    expect(refusedOption(['--env=.env.local'])).toMatch(/--env is not accepted/);
    expect(refusedOption(['--environment', 'x'])).toBeUndefined();
  });
});

describe('takeOption', () => {
  it('takes the last value when an option repeats, as yargs does for a string option', () => {
    expect(takeOption(['--to', 'a', '--environment=b', 'x'], ['environment', 'to'])).toEqual({
      value: 'b',
      rest: ['x'],
    });
  });
});
