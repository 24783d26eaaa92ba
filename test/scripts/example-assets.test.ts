// The example files operators copy must be valid, or the copy fails at the first call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseMessages } from '../../functions/lib/config/messages-file';
import { parseRoster } from '../../functions/lib/providers/static-roster';

const readAsset = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../assets', name), 'utf8'));

describe('the example assets', () => {
  it('roster.example.json is a roster with teams and responders', () => {
    const { roster, problems } = parseRoster(readAsset('roster.example.json'), '/roster.json');
    expect(problems).toEqual([]);
    expect(roster.teams.length).toBeGreaterThan(0);
    expect(roster.teams.every((team) => team.responders.length > 0)).toBe(true);
  });

  it('messages.example.json overrides known messages, with only the placeholders each fills', () => {
    const overrides = readAsset('messages.example.json');
    expect(Object.keys(overrides as Record<string, unknown>).length).toBeGreaterThan(0);
    expect(parseMessages(overrides, 'assets/messages.example.json').problems).toEqual([]);
  });
});
