// The example files operators copy must be valid, or the copy fails at the first call.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMessageKey } from '../../functions/lib/core/messages';
import { parseRoster } from '../../functions/lib/providers/static-roster';

const readAsset = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../../assets', name), 'utf8'));

describe('the example assets', () => {
  it('roster.example.json is a roster with teams and responders', () => {
    const roster = parseRoster(readAsset('roster.example.json'), '/roster.json');
    expect(roster.teams.length).toBeGreaterThan(0);
    expect(roster.teams.every((team) => team.responders.length > 0)).toBe(true);
  });

  it('messages.example.json only overrides known messages, each with a sentence', () => {
    const messages = readAsset('messages.example.json');
    expect(typeof messages === 'object' && messages !== null).toBe(true);
    const entries = Object.entries(messages as Record<string, unknown>);
    expect(entries.length).toBeGreaterThan(0);
    for (const [key, value] of entries) {
      expect(isMessageKey(key)).toBe(true);
      expect(typeof value === 'string' && value.trim() !== '').toBe(true);
    }
  });
});
