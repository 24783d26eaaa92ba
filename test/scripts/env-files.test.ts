import fc from 'fast-check';
import {
  deployVariables,
  formatEnvFile,
  formatEnvValue,
  localRunEnv,
  parseEnv,
  takeMadeUpToken,
  withLocalToken,
} from '../../scripts/lib/env-files.cjs';

// What older versions of `npm start` wrote (scripts/ensure-local-env.mjs, before .env.local).
const OLD_CREATED_DOTENV = [
  '# Made by `npm start` for local runs; see .env.example for every variable.',
  '# Local-only token: the call simulator signs requests with it, as Twilio would.',
  'AUTH_TOKEN=0123456789abcdef0123456789abcdef',
  'NUMBER_OF_MENUS=1',
  '',
].join('\n');
const OLD_APPENDED_DOTENV = [
  'VICTOROPS_API_ID=id',
  'NUMBER_OF_MENUS=2',
  '',
  '# Added by `npm start`: local-only token for signing simulated calls.',
  'AUTH_TOKEN=fedcba9876543210fedcba9876543210',
  '',
].join('\n');

describe('parseEnv', () => {
  it('reads a file as dotenv 6.2 does, and nothing when there is no file', () => {
    expect(parseEnv('A=1\n# c\nB="x y"\nC=\n')).toEqual({ A: '1', B: 'x y', C: '' });
    expect(parseEnv(undefined)).toEqual({});
  });
});

describe('formatEnvFile', () => {
  it('writes the header as comments, then one assignment per line', () => {
    expect(formatEnvFile({ A: '1', B: 'two words' }, ['made here'])).toBe('# made here\nA=1\nB=two words\n');
  });

  it('writes values that dotenv 6.2 reads back unchanged, quotes and newlines included', () => {
    for (const value of ['plain', 'a#b', "'quoted'", '"double"', "it's", 'line one\nline two', '']) {
      expect(parseEnv(`K=${formatEnvValue(value)}`)).toEqual({ K: value });
    }
  });

  it('round-trips whatever dotenv 6.2 can read from a line', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.stringMatching(/^[A-Za-z_][\w.-]{0,12}$/),
          fc.string({ maxLength: 40 }).filter((raw) => !/[\r\n]/.test(raw)),
        ),
        (rawValues) => {
          // Only a value that came out of dotenv can be asked to go back in.
          const values = Object.fromEntries(
            Object.entries(rawValues).map(([key, raw]) => [key, parseEnv(`${key}=${raw}`)[key] ?? '']),
          );
          expect(parseEnv(formatEnvFile(values, ['header']))).toEqual(values);
        },
      ),
    );
  });
});

describe('localRunEnv', () => {
  it('takes .env, then .env.local over it', () => {
    const env = localRunEnv({ dotenv: 'A=from-env\nB=kept\n', local: 'A=from-local\nAUTH_TOKEN=t\n' });
    expect(env).toEqual({ A: 'from-local', B: 'kept', AUTH_TOKEN: 't' });
  });

  it('uses a team menu over the static roster when there is no .env at all, which .env.local can change', () => {
    expect(localRunEnv({ dotenv: undefined, local: 'AUTH_TOKEN=t\n' })).toEqual({
      NUMBER_OF_MENUS: '1',
      AUTH_TOKEN: 't',
    });
    expect(localRunEnv({ dotenv: undefined, local: 'NUMBER_OF_MENUS=2\n' })).toEqual({ NUMBER_OF_MENUS: '2' });
  });

  it('adds nothing to an existing .env, even an empty one', () => {
    expect(localRunEnv({ dotenv: '', local: undefined })).toEqual({});
  });
});

describe('deployVariables', () => {
  it('drops ACCOUNT_SID, AUTH_TOKEN and empty values, as twilio-run does on deploy', () => {
    const values = { ACCOUNT_SID: 'AC1', AUTH_TOKEN: 'secret', EMPTY: '', TEAM_1: 'Platform', voice: 'man' };
    expect(deployVariables(values)).toEqual({ TEAM_1: 'Platform', voice: 'man' });
  });
});

describe('withLocalToken', () => {
  it('creates a .env.local whose only value is the token', () => {
    const text = withLocalToken(undefined, 'abc');
    expect(text).toBeDefined();
    expect(parseEnv(text)).toEqual({ AUTH_TOKEN: 'abc' });
    expect(text).toMatch(/^# /);
  });

  it('adds the token to a .env.local that has other values and keeps them', () => {
    const text = withLocalToken('NUMBER_OF_MENUS=2', 'abc');
    expect(parseEnv(text)).toEqual({ NUMBER_OF_MENUS: '2', AUTH_TOKEN: 'abc' });
    expect(text?.startsWith('NUMBER_OF_MENUS=2\n')).toBe(true);
  });

  it('leaves a .env.local that already has a token alone, and treats an empty token as none', () => {
    expect(withLocalToken('AUTH_TOKEN=mine\n', 'abc')).toBeUndefined();
    expect(parseEnv(withLocalToken('AUTH_TOKEN=\n', 'abc')).AUTH_TOKEN).toBe('abc');
  });
});

describe('takeMadeUpToken', () => {
  it('takes the token out of a .env an older npm start created, keeping its other values', () => {
    const taken = takeMadeUpToken(OLD_CREATED_DOTENV);
    expect(taken?.token).toBe('0123456789abcdef0123456789abcdef');
    expect(taken?.dotenv).toBe(
      '# Made by `npm start` for local runs; see .env.example for every variable.\nNUMBER_OF_MENUS=1\n',
    );
  });

  it('takes out a token an older npm start appended, with its comment and the blank line before it', () => {
    const taken = takeMadeUpToken(OLD_APPENDED_DOTENV);
    expect(taken?.token).toBe('fedcba9876543210fedcba9876543210');
    expect(taken?.dotenv).toBe('VICTOROPS_API_ID=id\nNUMBER_OF_MENUS=2\n');
  });

  it('leaves an AUTH_TOKEN the operator wrote alone', () => {
    expect(takeMadeUpToken('# my account\nAUTH_TOKEN=real\n')).toBeUndefined();
    expect(takeMadeUpToken('AUTH_TOKEN=real\nNUMBER_OF_MENUS=1\n')).toBeUndefined();
  });

  it('does nothing when the marker is there but the token line is gone', () => {
    const edited = '# Made by `npm start` for local runs; see .env.example for every variable.\nNUMBER_OF_MENUS=1\n';
    expect(takeMadeUpToken(edited)).toBeUndefined();
  });
});
