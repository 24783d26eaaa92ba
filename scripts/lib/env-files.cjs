// @ts-check
// What goes into the env files that `npm start` and `npm run deploy` hand to twilio-run.
// Pure functions over file contents, so the scripts stay thin and this stays testable.
// CommonJS because jest (on Node 20) cannot load an .mjs file; the .mjs scripts import it.
const { parse } = require('dotenv');

/** @typedef {Record<string, string>} EnvValues */

/**
 * Parses env file text with dotenv 6.2, the parser twilio-run itself uses.
 * @param {string | undefined} text the file's contents, or undefined when there is no file
 * @returns {EnvValues}
 */
function parseEnv(text) {
  return text === undefined ? {} : parse(text);
}

/**
 * Writes one value so that dotenv 6.2 reads it back unchanged: it strips one quote from each
 * end and turns \n into a newline only inside double quotes.
 * @param {string} value
 * @returns {string}
 */
function formatEnvValue(value) {
  if (value.includes('\n')) return `"${value.replace(/\n/g, '\\n')}"`;
  if (/^['"]|['"]$/.test(value)) return `'${value}'`;
  return value;
}

/**
 * @param {EnvValues} values
 * @param {string[]} header comment lines, without the leading '#'
 * @returns {string}
 */
function formatEnvFile(values, header) {
  const comments = header.map((line) => `# ${line}`);
  const assignments = Object.entries(values).map(([key, value]) => `${key}=${formatEnvValue(value)}`);
  return [...comments, ...assignments, ''].join('\n');
}

/** What a local run gets when there is no .env at all: the static roster behind a team menu. */
const LOCAL_DEMO_DEFAULTS = Object.freeze({ NUMBER_OF_MENUS: '1' });

/**
 * The variables `npm start` gives twilio-run: .env, then .env.local over it.
 * @param {{ dotenv: string | undefined, local: string | undefined }} files file contents (undefined: no file)
 * @returns {EnvValues}
 */
function localRunEnv(files) {
  const base = files.dotenv === undefined ? LOCAL_DEMO_DEFAULTS : parseEnv(files.dotenv);
  return { ...base, ...parseEnv(files.local) };
}

/** twilio-run never uploads these: Twilio's cloud provides its own. */
const NEVER_DEPLOYED = ['ACCOUNT_SID', 'AUTH_TOKEN'];

/**
 * The variables `npm run deploy` uploads: .env's, less the credentials and the empty values,
 * as twilio-run drops them too.
 * @param {EnvValues} values
 * @returns {EnvValues}
 */
function deployVariables(values) {
  return Object.fromEntries(
    Object.entries(values).filter(([key, value]) => value !== '' && !NEVER_DEPLOYED.includes(key)),
  );
}

/**
 * A .env.local holding an AUTH_TOKEN: `current` unchanged when it already has one, else with
 * `token` added. Returns undefined when nothing needs writing.
 * @param {string | undefined} current
 * @param {string} token
 * @returns {string | undefined}
 */
function withLocalToken(current, token) {
  if (parseEnv(current).AUTH_TOKEN) return undefined;
  const lines = [
    '# Local-only token: npm start checks Twilio signatures with it and npm run call signs with it.',
    '# It is not your account token and is never deployed.',
    `AUTH_TOKEN=${token}`,
    '',
  ];
  if (current === undefined || current.trim() === '') {
    return ['# Local values for npm start, over those in .env. Git-ignored, never deployed.', ...lines].join('\n');
  }
  return `${current.replace(/\n?$/, '\n')}\n${lines.join('\n')}`;
}

// The comments older versions of `npm start` wrote above the AUTH_TOKEN they made up.
const FILE_MADE_BY_START = /^# Made by `npm start` for local runs/;
const LINE_ADDED_BY_START = /^# Added by `npm start`/;

/**
 * Finds an AUTH_TOKEN that an older `npm start` made up and wrote into .env, and takes it out,
 * together with the comments it wrote above it. Undefined when there is none.
 * @param {string} dotenvText
 * @returns {{ token: string, dotenv: string } | undefined}
 */
function takeMadeUpToken(dotenvText) {
  const lines = dotenvText.split('\n');
  const marker = lines.findIndex((line) => FILE_MADE_BY_START.test(line) || LINE_ADDED_BY_START.test(line));
  if (marker === -1) return undefined;
  let tokenLine = marker + 1;
  while (tokenLine < lines.length && (lines[tokenLine] ?? '').trim().startsWith('#')) tokenLine += 1;
  const token = parseEnv(lines[tokenLine]).AUTH_TOKEN;
  if (token === undefined) return undefined;
  // A "Made by" line describes the whole file, so it stays; an "Added by" line only the token.
  let first = FILE_MADE_BY_START.test(lines[marker] ?? '') ? marker + 1 : marker;
  if (first === marker && first > 0 && (lines[first - 1] ?? '').trim() === '') first -= 1;
  lines.splice(first, tokenLine - first + 1);
  return { token, dotenv: lines.join('\n') };
}

module.exports = {
  parseEnv,
  formatEnvValue,
  formatEnvFile,
  localRunEnv,
  LOCAL_DEMO_DEFAULTS,
  deployVariables,
  withLocalToken,
  takeMadeUpToken,
};
