// @ts-check
// Which credentials `npm run deploy` logs in with, and what it tells twilio-run.
// Credentials come only from flags or the shell, never from a file: .env may hold a made-up
// local token, and twilio-run would otherwise log in with whatever .env says.
// CommonJS because jest (on Node 20) cannot load an .mjs file; scripts/deploy.mjs imports it.

/**
 * @typedef {object} DeployCredentials
 * @property {string} username an Account SID (AC…) or an API key SID (SK…)
 * @property {string} password
 * @property {string} description which kind, for the log; never the secret
 */

/**
 * @typedef {{ ok: true, credentials: DeployCredentials, rest: string[] } | { ok: false, message: string }} CredentialChoice
 */

const SETUP_HINT =
  'Set TWILIO_API_KEY and TWILIO_API_SECRET (an API key: recommended, it can be revoked on its own), ' +
  'or ACCOUNT_SID and AUTH_TOKEN, in the shell; or pass --username and --password. ' +
  'Credentials are never read from .env or .env.local. See docs/deploying.md.';

/**
 * Removes one option from the arguments, in any of the forms yargs accepts for it:
 * `--name value`, `--name=value`, and the same with an alias.
 * @param {string[]} args
 * @param {string[]} names option names without dashes (the first is used in messages)
 * @returns {{ value: string | undefined, rest: string[] }}
 */
function takeOption(args, names) {
  const flags = names.map((name) => (name.length === 1 ? `-${name}` : `--${name}`));
  /** @type {string | undefined} */
  let value;
  /** @type {string[]} */
  const rest = [];
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    const inline = flags.find((flag) => arg.startsWith(`${flag}=`));
    if (inline) {
      value = arg.slice(inline.length + 1);
    } else if (flags.includes(arg)) {
      const next = args[i + 1];
      if (next === undefined) throw new Error(`${flags[0]} needs a value`);
      value = next;
      i += 1;
    } else {
      rest.push(arg);
    }
  }
  return { value, rest };
}

/** @param {string | undefined} value */
function present(value) {
  return value !== undefined && value !== '';
}

/**
 * One pair of credentials: both halves, neither, or an error naming the missing half.
 * @param {[string, string | undefined]} user
 * @param {[string, string | undefined]} secret
 * @returns {{ username: string, password: string } | { missing: string } | undefined}
 */
function pair(user, secret) {
  const [userName, userValue] = user;
  const [secretName, secretValue] = secret;
  if (present(userValue) && present(secretValue)) return { username: userValue ?? '', password: secretValue ?? '' };
  if (present(userValue)) return { missing: `${userName} is set but ${secretName} is not` };
  if (present(secretValue)) return { missing: `${secretName} is set but ${userName} is not` };
  return undefined;
}

/**
 * Credentials in order of preference: --username/--password flags; TWILIO_API_KEY with
 * TWILIO_API_SECRET; ACCOUNT_SID with AUTH_TOKEN from the shell. A pair given by halves is an
 * error rather than a reason to fall through to the next kind.
 * @param {string[]} args the arguments given to `npm run deploy --`
 * @param {Record<string, string | undefined>} shell the shell environment
 * @returns {CredentialChoice}
 */
function chooseDeployCredentials(args, shell) {
  /** @type {string[]} */
  let rest;
  /** @type {string | undefined} */
  let username;
  /** @type {string | undefined} */
  let password;
  try {
    const user = takeOption(args, ['username', 'u']);
    const secret = takeOption(user.rest, ['password']);
    ({ rest } = secret);
    username = user.value;
    password = secret.value;
  } catch (error) {
    return { ok: false, message: `npm run deploy: ${error instanceof Error ? error.message : String(error)}` };
  }
  const kinds = [
    {
      userName: '--username',
      found: pair(['--username', username], ['--password', password]),
      describe: (/** @type {string} */ user) => `the --username/--password flags (${user})`,
      prefixes: ['AC', 'SK'],
      expected: 'an Account SID (AC…) or an API key SID (SK…)',
    },
    {
      userName: 'TWILIO_API_KEY',
      found: pair(['TWILIO_API_KEY', shell.TWILIO_API_KEY], ['TWILIO_API_SECRET', shell.TWILIO_API_SECRET]),
      describe: (/** @type {string} */ user) => `API key ${user} (TWILIO_API_KEY)`,
      prefixes: ['SK'],
      expected: 'an API key SID (SK…), not the secret',
    },
    {
      userName: 'ACCOUNT_SID',
      found: pair(['ACCOUNT_SID', shell.ACCOUNT_SID], ['AUTH_TOKEN', shell.AUTH_TOKEN]),
      describe: (/** @type {string} */ user) => `account ${user} and its auth token (ACCOUNT_SID, AUTH_TOKEN)`,
      prefixes: ['AC'],
      expected: 'an Account SID (AC…)',
    },
  ];
  for (const kind of kinds) {
    if (kind.found === undefined) continue;
    if ('missing' in kind.found) return { ok: false, message: `npm run deploy: ${kind.found.missing}. ${SETUP_HINT}` };
    const { username: user, password: secret } = kind.found;
    if (!kind.prefixes.some((prefix) => user.startsWith(prefix))) {
      return { ok: false, message: `npm run deploy: ${kind.userName} must be ${kind.expected}. ${SETUP_HINT}` };
    }
    return { ok: true, credentials: { username: user, password: secret, description: kind.describe(user) }, rest };
  }
  return { ok: false, message: `npm run deploy: no Twilio credentials. ${SETUP_HINT}` };
}

/**
 * Where twilio-run will deploy, read from the arguments it will get, for one log line.
 * @param {string[]} args
 * @returns {string}
 */
function describeEnvironment(args) {
  if (args.some((arg) => arg === '--production' || arg === '--production=true')) {
    return 'the production environment (no domain suffix)';
  }
  /** @type {string | undefined} */
  let value;
  try {
    ({ value } = takeOption(args, ['environment', 'to']));
  } catch {
    return 'the environment named by --environment (no name given: twilio-run will say so)';
  }
  if (present(value)) return `the "${value}" environment`;
  return 'the "dev" environment (twilio-run\'s default; --environment NAME or --production to change it)';
}

/**
 * Options that `npm run deploy` sets itself and must not be given twice.
 * @param {string[]} args
 * @returns {string | undefined} a message when one is there
 */
function refusedOption(args) {
  if (args.some((arg) => arg === '--env' || arg.startsWith('--env='))) {
    return 'npm run deploy: --env is not accepted: the deploy always uploads .env (less ACCOUNT_SID, AUTH_TOKEN and empty values), never .env.local.';
  }
  return undefined;
}

module.exports = { takeOption, chooseDeployCredentials, describeEnvironment, refusedOption, SETUP_HINT };
