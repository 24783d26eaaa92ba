import { parseConfig, routingAssetOf, routingFileOf, type Config, type ConfigProblem } from '../config/config';
import { stringValue } from '../config/env-reader';
import type { Env } from '../config/env';
import { parseMessages } from '../config/messages-file';
import { parseRoutingFile } from '../config/routing-file';
import type { Messages } from '../core/messages';
import { DEFAULT_ROUTING, type Routing } from '../core/routing';
import type { Team } from '../core/types';
import { parseRoster, type Roster } from '../providers/static-roster';
import { warmState } from '../warm/state';
import type { AssetResourceMap } from '@twilio-labs/serverless-runtime-types/types';
import { readJsonAsset } from './assets';
import { describeError, type Logger } from './log';
import { fileOf } from '../config/asset-file';

/**
 * Everything read from the environment and the assets, validated: plain data, so that it can be
 * shared by every function of a warm container (see warm/state.ts).
 */
export interface Configuration {
  config: Config;
  messages: Messages;
  /** From the routing file, when there is one (and it is right); the defaults otherwise. */
  routing: Routing;
  /** The routing file's path (assets/routing.private.json) when it is in use. */
  routingFile?: string;
  /** The static roster, when the provider or ROSTER_FALLBACK needs it and it could be read. */
  roster?: Roster;
  /** Every problem found, each naming its variable (or file and path). */
  problems: ConfigProblem[];
}

/**
 * Read and validated once per warm container and environment: the runtime hands each request a
 * fresh context, but its variables only change with a deploy.
 */
export function loadConfiguration(env: Env): Configuration {
  const key = `configuration:${fingerprint(env)}`;
  const { entries } = warmState();
  const stored = entries.get(key);
  if (stored?.kind === 'value') return stored.value as Configuration;
  const configuration = readConfiguration(env);
  entries.set(key, { kind: 'value', value: configuration, storedAt: Date.now(), expiresAt: Infinity });
  return configuration;
}

/**
 * Not cached: `npm run doctor` reads the configuration once, with the assets a deploy would ship
 * (`assets`) instead of the runtime's.
 */
export function readConfiguration(env: Env, assets?: AssetResourceMap): Configuration {
  const routingFile = readRoutingFile(routingAssetOf(env), stringValue(env, 'ROUTING_ASSET') !== undefined, assets);
  const { config, problems } = parseConfig(env, routingFile.teams);
  problems.unshift(...routingFile.problems, ...unsendableEmails(routingFile.routing, config));
  const { routing } = routingFile;
  const messagesFile = fileOf(config.messagesAsset);
  let messages: Messages;
  try {
    const parsed = parseMessages(readJsonAsset(config.messagesAsset, assets), messagesFile);
    messages = parsed.messages;
    problems.push(...parsed.problems);
  } catch (error) {
    // The defaults are complete, so a missing overrides file is normal.
    if (!/does not exist/.test(describeError(error))) {
      problems.push({
        variable: messagesFile,
        message: `${describeError(error)}. Using the defaults.`,
        severity: 'warning',
      });
    }
    messages = parseMessages({}, messagesFile).messages;
  }
  const base = {
    config,
    messages,
    routing,
    ...(routingFile.teams ? { routingFile: routingFileOf(env) } : {}),
  };
  const needsRoster = config.provider === 'static' || config.rosterFallback;
  if (!needsRoster) return { ...base, problems };
  const rosterFile = fileOf(config.staticRosterAsset);
  try {
    const parsed = parseRoster(readJsonAsset(config.staticRosterAsset, assets), rosterFile);
    problems.push(...parsed.problems);
    return { ...base, roster: parsed.roster, problems };
  } catch (error) {
    const consequence =
      config.provider === 'static' ? 'Calls go to voicemail until it is fixed.' : 'ROSTER_FALLBACK has nothing to use.';
    problems.push({
      variable: 'STATIC_ROSTER_ASSET',
      message: `${describeError(error)}. ${consequence}`,
      severity: config.provider === 'static' ? 'error' : 'warning',
    });
    return { ...base, problems };
  }
}

/** Teams whose voicemails should be e-mailed, while no way to send e-mail is configured. */
function unsendableEmails(routing: Routing, config: Config): ConfigProblem[] {
  if (config.mail) return [];
  const teams = Object.entries(routing.teams).flatMap(([name, rules]) => (rules.notify.email.length > 0 ? [name] : []));
  if (teams.length === 0) return [];
  return [
    {
      variable: 'SENDGRID_API_KEY',
      message: `and SENDGRID_FROM are needed to e-mail the voicemails of ${teams.join(', ')} (notify.email in the routing file). Until then they are not e-mailed.`,
      severity: 'warning',
    },
  ];
}

/**
 * The routing file is optional: without it the environment's TEAM_n and the defaults route calls.
 * A file that is wrong anywhere is not used at all, and each of its problems is named.
 */
function readRoutingFile(
  assetPath: string,
  named: boolean,
  assets: AssetResourceMap | undefined,
): { routing: Routing; teams?: Team[]; problems: ConfigProblem[] } {
  const file = fileOf(assetPath);
  let json: unknown;
  try {
    json = readJsonAsset(assetPath, assets);
  } catch (error) {
    if (/does not exist/.test(describeError(error))) {
      // Without ROUTING_ASSET, no file is the simple set-up; with it, the operator meant one.
      if (!named) return { routing: DEFAULT_ROUTING, problems: [] };
      return {
        routing: DEFAULT_ROUTING,
        problems: [
          {
            variable: 'ROUTING_ASSET',
            message: assetPath.startsWith('/')
              ? `names "${assetPath}", which is not among the assets (${file} is the file it would be). Until it is there, no routing file is used.`
              : `names "${assetPath}", which is not an asset path: they start with / (ROUTING_ASSET=/${assetPath}). Until then, no routing file is used.`,
            severity: 'error',
          },
        ],
      };
    }
    return {
      routing: DEFAULT_ROUTING,
      problems: [
        {
          variable: file,
          message: `${describeError(error)}. The routing file is not used until it is fixed.`,
          severity: 'error',
        },
      ],
    };
  }
  const parsed = parseRoutingFile(json, file);
  return parsed.ok
    ? { routing: parsed.routing, teams: parsed.teams, problems: [] }
    : { routing: DEFAULT_ROUTING, problems: parsed.problems };
}

/** Each problem once per warm container, at its severity: one Debugger event, not one per webhook. */
export function reportProblemsOnce(problems: ConfigProblem[], log: Logger): void {
  const { logged } = warmState();
  for (const problem of problems) {
    const line = `Configuration: ${problem.variable} ${problem.message}`;
    if (logged.has(line)) continue;
    logged.add(line);
    if (problem.severity === 'error') log.error(line, { variable: problem.variable });
    else log.warn(line, { variable: problem.variable });
  }
}

/** The variables' names and values: the runtime's context also holds functions, which say nothing. */
function fingerprint(env: Env): string {
  return Object.keys(env)
    .filter((name) => typeof env[name] === 'string')
    .sort()
    .map((name) => `${name}=${env[name]}`)
    .join('\n');
}
