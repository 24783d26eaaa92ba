// The configuration as the deployed functions will read it: the uploaded variables (with the
// credentials Twilio's cloud adds) and the shipped assets, through the functions' own parsers.
import { stringValue } from '../../functions/lib/config/env-reader';
import { fileOf } from '../../functions/lib/config/asset-file';
import { readConfiguration, type Configuration } from '../../functions/lib/shell/configuration';
import { CLOUD_CREDENTIALS, type Deployment } from './deployment';
import { localUrlWarnings } from './local-urls';

export interface AssetNote {
  /** The file the operator edits, such as assets/roster.private.json. */
  file: string;
  shipped: boolean;
  note: string;
}

export interface ConfigurationCheck {
  configuration: Configuration;
  /** The environment the functions get: the uploaded variables and Twilio's credentials. */
  env: Record<string, string>;
  /** Why this provider: ONCALL_PROVIDER, the credentials present, or the default. */
  providerReason: string;
  assetNotes: AssetNote[];
}

export function checkConfiguration(deployment: Deployment): ConfigurationCheck {
  const env = { ...deployment.variables, ...CLOUD_CREDENTIALS };
  const configuration = readConfiguration(env, deployment.assets);
  configuration.problems.push(...localUrlWarnings(deployment.variables));
  const { config } = configuration;
  return {
    configuration,
    env,
    providerReason: providerReason(env, config.provider),
    assetNotes: notes(deployment, configuration),
  };
}

function providerReason(env: Record<string, string>, provider: string): string {
  if (stringValue(env, 'ONCALL_PROVIDER')?.toLowerCase() === provider) return 'ONCALL_PROVIDER';
  if (provider === 'static') return 'no provider credentials are set';
  return 'chosen from the credentials set';
}

function notes(deployment: Deployment, { config }: Configuration): AssetNote[] {
  const rosterFile = fileOf(config.staticRosterAsset);
  const messagesFile = fileOf(config.messagesAsset);
  const rosterShipped = deployment.assets[config.staticRosterAsset] !== undefined;
  const messagesShipped = deployment.assets[config.messagesAsset] !== undefined;
  const rosterUse =
    config.provider === 'static'
      ? 'the static roster rings'
      : config.rosterFallback
        ? 'ROSTER_FALLBACK asks when the provider fails'
        : 'not used: the provider is not static and ROSTER_FALLBACK is off';
  return [
    {
      file: rosterFile,
      shipped: rosterShipped,
      note: rosterShipped
        ? `shipped: the roster ${rosterUse}`
        : 'missing: a deployed static roster (ONCALL_PROVIDER=static or ROSTER_FALLBACK) would have nobody to ring. ' +
          'npm start uses assets/roster.example.json in its place; npm run deploy does not',
    },
    {
      file: messagesFile,
      shipped: messagesShipped,
      note: messagesShipped
        ? 'shipped: its sentences replace the default prompts'
        : 'missing: the default prompts are spoken (the file is optional)',
    },
  ];
}
