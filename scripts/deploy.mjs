// `npm run deploy [-- twilio-run deploy options]`: builds in deploy mode and runs twilio-run
// deploy with credentials from the flags or the shell only, uploading .env's variables (never
// .env.local's). See docs/deploying.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseDeployCredentials, describeEnvironment, refusedOption } from './lib/deploy-options.cjs';
import { deployVariables, formatEnvFile, parseEnv } from './lib/env-files.cjs';

const root = new URL('..', import.meta.url).pathname;
const dotenvPath = join(root, '.env');
const deployEnvPath = join(root, 'dist', 'deploy.env');
const twilioRun = join(root, 'node_modules', 'twilio-run', 'bin', 'twilio-run.js');

function fail(message) {
  console.error(message);
  process.exit(1);
}

const args = process.argv.slice(2);
const refused = refusedOption(args);
if (refused) fail(refused);
const choice = chooseDeployCredentials(args, process.env);
if (!choice.ok) fail(choice.message);
const { credentials, rest } = choice;
if (!existsSync(twilioRun))
  fail(`npm run deploy: twilio-run is not installed (no ${twilioRun}); run npm install first.`);

const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--deploy'], {
  cwd: root,
  stdio: 'inherit',
});
if (built.status !== 0) fail('npm run deploy: the build failed, nothing was deployed.');

// The routing file is checked as the functions will read it; that check is one of the tools.
const tools = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--tools'], {
  cwd: root,
  stdio: 'inherit',
});
if (tools.status !== 0) fail('npm run deploy: the build failed, nothing was deployed.');
const routing = spawnSync(process.execPath, [join(root, 'dist', 'cli', 'deploy-check', 'main.js')], {
  cwd: root,
  stdio: 'inherit',
});
if (routing.status !== 0) process.exit(1);

let variables;
try {
  variables = deployVariables(parseEnv(existsSync(dotenvPath) ? readFileSync(dotenvPath, 'utf8') : undefined));
} catch (error) {
  fail(`npm run deploy: could not read ${dotenvPath}: ${error instanceof Error ? error.message : String(error)}`);
}
const header = ['Written by npm run deploy from .env, less ACCOUNT_SID, AUTH_TOKEN and empty values.'];
writeFileSync(deployEnvPath, formatEnvFile(variables, header), { mode: 0o600 });

const names = Object.keys(variables);
console.log(`Deploying with ${credentials.description} to ${describeEnvironment(rest)}.`);
console.log(
  names.length > 0
    ? `Variables from .env: ${names.join(', ')}.`
    : 'No variables to upload (.env is missing or sets nothing but credentials).',
);

const deploy = spawn(
  process.execPath,
  [
    twilioRun,
    'deploy',
    '--functions-folder',
    'dist/functions',
    '--assets-folder',
    'dist/assets',
    '--env',
    deployEnvPath,
    '--username',
    credentials.username,
    '--password',
    credentials.password,
    ...rest,
  ],
  { cwd: root, stdio: 'inherit' },
);
deploy.once('error', (error) => fail(`npm run deploy: could not run twilio-run: ${error.message}`));
deploy.once('exit', (code, signal) => {
  process.exitCode = code ?? (signal ? 1 : 0);
});
