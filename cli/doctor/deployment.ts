// What `npm run deploy` would upload: .env's variables as deploy filters them, and the files of
// assets/ it ships, served under the names Twilio's runtime gives them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { AssetResourceMap } from '@twilio-labs/serverless-runtime-types/types';
import { planAssets } from '../../scripts/lib/asset-plan.cjs';
import { deployVariables, parseEnv } from '../../scripts/lib/env-files.cjs';
import { UsageError } from '../connect-number/errors';

/**
 * Twilio's cloud gives every function the account's own ACCOUNT_SID and AUTH_TOKEN; deploy never
 * uploads them. The doctor reads the configuration with stand-ins of the same length, so that
 * what depends on them (the call trace, the last-resort SMS) reads as it will there. They are
 * never sent anywhere.
 */
export const CLOUD_CREDENTIALS: Readonly<Record<'ACCOUNT_SID' | 'AUTH_TOKEN', string>> = {
  ACCOUNT_SID: `AC${'0'.repeat(32)}`,
  AUTH_TOKEN: '0'.repeat(32),
};

export interface Deployment {
  /** The env file, as given (or `.env`). */
  envFile: string;
  envFileFound: boolean;
  /** What deploy uploads: the file's variables less ACCOUNT_SID, AUTH_TOKEN and empty values. */
  variables: Record<string, string>;
  /** ACCOUNT_SID and AUTH_TOKEN set in the file: not uploaded, Twilio's cloud provides them. */
  providedByTwilio: string[];
  /** Variables with an empty value: not uploaded. */
  emptyNotUploaded: string[];
  assetsDir: string;
  /** Files of the assets folder that deploy ships, relative to it ('/'-separated). */
  shippedAssets: string[];
  /** The shipped files by the path the runtime serves them under (`/roster.json`). */
  assets: AssetResourceMap;
}

export interface DeploymentPaths {
  cwd: string;
  envFile: string;
  /** Given with --env: a missing file is then a mistake, not "nothing to upload". */
  envFileGiven: boolean;
  assetsDir: string;
  assetsDirGiven: boolean;
}

export function readDeployment(paths: DeploymentPaths): Deployment {
  const envPath = resolve(paths.cwd, paths.envFile);
  const envFileFound = existsSync(envPath) && statSync(envPath).isFile();
  if (paths.envFileGiven && !envFileFound) throw new UsageError(`--env ${paths.envFile}: no such file`);
  const assetsPath = resolve(paths.cwd, paths.assetsDir);
  const assetsFound = existsSync(assetsPath) && statSync(assetsPath).isDirectory();
  if (paths.assetsDirGiven && !assetsFound) throw new UsageError(`--assets ${paths.assetsDir}: no such folder`);

  const all = parseEnv(envFileFound ? readFileSync(envPath, 'utf8') : undefined);
  const variables = deployVariables(all);
  const dropped = Object.keys(all).filter((name) => !(name in variables));
  const providedByTwilio = dropped.filter((name) => name in CLOUD_CREDENTIALS && all[name] !== '');
  // The credentials have their own line: Twilio's cloud provides them, empty or not.
  const emptyNotUploaded = dropped.filter((name) => all[name] === '' && !(name in CLOUD_CREDENTIALS));

  const { copies } = planAssets(assetsFound ? filesUnder(assetsPath) : [], 'deploy');
  const assets: AssetResourceMap = {};
  for (const { from, to } of copies) {
    const file = join(assetsPath, from);
    assets[servedPath(to)] = { path: file, open: () => readFileSync(file, 'utf8') };
  }
  return {
    envFile: paths.envFile,
    envFileFound,
    variables,
    providedByTwilio,
    emptyNotUploaded,
    assetsDir: paths.assetsDir,
    shippedAssets: copies.map(({ to }) => to),
    assets,
  };
}

/** The runtime serves `roster.private.json` as `/roster.json`, a protected file likewise. */
export function servedPath(file: string): string {
  return `/${file.replace(/\.(private|protected)(\.[^./]+)$/, '$2')}`;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      relative(folder, join(entry.parentPath ?? entry.path, entry.name))
        .split(sep)
        .join('/'),
    );
}
