import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AssetResourceMap } from '@twilio-labs/serverless-runtime-types/types';
import { readConfiguration } from '../../functions/lib/shell/configuration';

const example = (name: string): string => readFileSync(join(__dirname, '..', '..', 'assets', name), 'utf8');
const EXAMPLE = example('routing.example.json');
// The static roster is the default provider: it is always among the assets here.
const ROSTER = { '/roster.json': example('roster.example.json') };

function assetsWith(files: Record<string, string>): AssetResourceMap {
  return Object.fromEntries(
    Object.entries({ ...ROSTER, ...files }).map(([path, text]) => [path, { path, open: () => text }]),
  ) as unknown as AssetResourceMap;
}

describe('readConfiguration and the routing file', () => {
  it('without ROUTING_ASSET and without the file: the simple set-up, no problem, no menu by default', () => {
    const { config, routingFile, problems } = readConfiguration({}, assetsWith({}));
    expect(routingFile).toBeUndefined();
    expect(config.menus).toBe(0);
    expect(problems).toEqual([]);
  });

  it('with the file: its teams, and a team menu by default for numbers that offer several', () => {
    const { config, routingFile } = readConfiguration({}, assetsWith({ '/routing.json': EXAMPLE }));
    expect(routingFile).toBe('assets/routing.private.json');
    expect(config.teams.map((team) => team.name)).toEqual(['Platform', 'Database']);
    expect(config.menus).toBe(1);
    expect(readConfiguration({ NUMBER_OF_MENUS: '0' }, assetsWith({ '/routing.json': EXAMPLE })).config.menus).toBe(0);
  });

  it('a ROUTING_ASSET that names no asset is an error naming the variable, not silence', () => {
    const { routingFile, problems } = readConfiguration(
      { ROUTING_ASSET: 'routing.json' },
      assetsWith({ '/routing.json': EXAMPLE }),
    );
    expect(routingFile).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ variable: 'ROUTING_ASSET', severity: 'error' })]);
    expect(problems[0].message).toContain('names "routing.json", which is not an asset path: they start with /');
    const missing = readConfiguration({ ROUTING_ASSET: '/routing-staging.json' }, assetsWith({}));
    expect(missing.problems[0].message).toContain(
      'names "/routing-staging.json", which is not among the assets (assets/routing-staging.private.json',
    );
  });

  it('a routing file that is not JSON is one line naming the problem, not the file', () => {
    const { routingFile, problems } = readConfiguration(
      {},
      assetsWith({ '/routing.json': '{ "teams": [ { "name": "Platform" }, ] }\n' }),
    );
    expect(routingFile).toBeUndefined();
    expect(problems).toEqual([
      {
        variable: 'assets/routing.private.json',
        severity: 'error',
        message:
          "asset /routing.json is not valid JSON: Unexpected token ']'. The routing file is not used until it is fixed.",
      },
    ]);
  });
});
