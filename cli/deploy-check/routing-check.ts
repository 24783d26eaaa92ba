// What the functions would make of the routing file a deploy ships. A file with one mistake is
// ignored whole in the cloud, and with it every screening rule and opening hour, which nobody
// would notice until a blocked caller got through at night; so the deploy refuses it instead.
import { routingFileOf } from '../../functions/lib/config/config';
import type { ConfigProblem } from '../../functions/lib/config/env-reader';
import { checkConfiguration } from '../doctor/configuration-check';
import type { Deployment } from '../doctor/deployment';
import { routingFileErrors } from '../doctor/routing';

export interface RoutingCheck {
  /** The routing file the functions would read, as the operator edits it. */
  file: string;
  problems: ConfigProblem[];
}

export function checkShippedRouting(deployment: Deployment): RoutingCheck {
  const { configuration, env } = checkConfiguration(deployment);
  const file = routingFileOf(env);
  const assetMissing = configuration.problems.filter(
    (problem) => problem.severity === 'error' && problem.variable === 'ROUTING_ASSET',
  );
  return { file, problems: [...assetMissing, ...routingFileErrors(configuration.problems, file)] };
}

export function describeRefusal({ file, problems }: RoutingCheck): string[] {
  return [
    `npm run deploy: ${file} has ${problems.length === 1 ? 'a mistake' : `${problems.length} mistakes`}, and the functions would ignore all of it (its numbers, hours and caller screening). Nothing was deployed.`,
    ...problems.map((problem) => `  ${problem.variable} ${problem.message}`),
    `Fix ${problems.length === 1 ? 'it' : 'them'} (npm run doctor shows the same), or move the file out of assets/ to deploy without one.`,
  ];
}
