import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IncidentEvent } from '../../functions/lib/core/incidents';
import { ProviderError } from '../../functions/lib/providers/provider';
import { parseRoster, StaticRosterProvider, type Roster } from '../../functions/lib/providers/static-roster';
import { chainOf } from './adapter-test-kit';

const SOURCE = '/roster.json';

function parseError(json: unknown): ProviderError {
  try {
    parseRoster(json, SOURCE);
  } catch (error) {
    if (error instanceof ProviderError) return error;
    throw error;
  }
  throw new Error('parseRoster accepted a broken roster');
}

const roster: Roster = {
  teams: [
    {
      name: 'Platform',
      responders: [
        { name: 'Alice', phone: '+15555550101' },
        { name: 'Bob', phone: '(555) 555-0102' },
        { name: 'Zed', phone: 'not a phone' },
        { name: 'Alias of Alice', phone: '+1 555 555 0101' },
      ],
    },
    { name: ' Database Ops ', responders: [{ name: 'Carol', phone: '+15555550103' }] },
    { name: 'Empty', responders: [] },
  ],
};

describe('parseRoster', () => {
  it('accepts the example roster shipped in assets/', () => {
    const json: unknown = JSON.parse(readFileSync(join(__dirname, '../../assets/roster.example.json'), 'utf8'));
    const { roster: parsed, problems } = parseRoster(json, SOURCE);
    expect(problems).toEqual([]);
    expect(parsed.teams.map((t) => t.name)).toEqual(['Platform', 'Database']);
    expect(parsed.teams[0].responders).toEqual([
      { name: 'Alice', phone: '+15555550101' },
      { name: 'Bob', phone: '+15555550102' },
    ]);
  });

  it.each([
    ['not an object', 'just a string'],
    ['no teams', {}],
    ['teams not an array', { teams: { Platform: [] } }],
    ['an empty teams array', { teams: [] }],
  ])('names "teams" and the asset when given %s', (_label, json) => {
    const error = parseError(json);
    expect(error.message).toContain('"teams"');
    expect(error.message).toContain(SOURCE);
  });

  it('names the team index whose name is missing or blank', () => {
    expect(parseError({ teams: [{ name: 'A', responders: [] }, { responders: [] }] }).message).toContain(
      'teams[1].name',
    );
    expect(parseError({ teams: [{ name: '   ', responders: [] }] }).message).toContain('teams[0].name');
    expect(parseError({ teams: [{ name: 7, responders: [] }] }).message).toContain('teams[0].name');
  });

  it.each([
    ['a phone', { name: 'Bob' }],
    ['a name', { phone: '+15555550102' }],
    ['a non-blank phone', { name: 'Bob', phone: ' ' }],
    ['a string phone', { name: 'Bob', phone: 15555550102 }],
  ])('names the responder that lacks %s', (_label, responder) => {
    const error = parseError({
      teams: [
        { name: 'Platform', responders: [{ name: 'Alice', phone: '+15555550101' }] },
        { name: 'Database', responders: [{ name: 'Carol', phone: '+15555550103' }, responder] },
      ],
    });
    expect(error.message).toContain('teams[1].responders[1]');
    expect(error.message).toContain(SOURCE);
  });

  it('leaves out a responder whose number lacks its +, naming the file, the path and the person', () => {
    const { roster: parsed, problems } = parseRoster(
      {
        teams: [
          {
            name: 'Platform',
            responders: [
              { name: 'Alice', phone: '+1 (555) 555-0101' },
              { name: 'Bob', phone: '555-555-0102' },
            ],
          },
        ],
      },
      'assets/roster.private.json',
    );
    expect(parsed.teams[0].responders).toEqual([{ name: 'Alice', phone: '+15555550101' }]);
    expect(problems).toEqual([
      {
        variable: 'assets/roster.private.json teams[0].responders[1].phone',
        message: expect.stringMatching(/"555-555-0102", Bob\) is not in E\.164 form.*Bob is left out/),
        severity: 'warning',
      },
    ]);
  });

  it('names a responder that is not an object', () => {
    expect(parseError({ teams: [{ name: 'Platform', responders: ['+15555550101'] }] }).message).toContain(
      'teams[0].responders[0]',
    );
  });
});

describe('StaticRosterProvider', () => {
  const noSink = (): void => undefined;

  it('lists the teams in roster order', async () => {
    await expect(new StaticRosterProvider(roster, noSink).listTeams()).resolves.toEqual([
      { name: 'Platform' },
      { name: ' Database Ops ' },
      { name: 'Empty' },
    ]);
  });

  it('rings responders in roster order, in E.164, skipping unusable and repeated numbers', async () => {
    const chain = await chainOf(new StaticRosterProvider(roster, noSink), { name: 'Platform' });
    expect(chain).toEqual([
      { name: 'Alice', phone: '+15555550101' },
      { name: 'Bob', phone: '+15555550102' },
    ]);
  });

  it('matches the team name case-insensitively and ignoring surrounding spaces', async () => {
    const chain = await chainOf(new StaticRosterProvider(roster, noSink), { name: 'database ops' });
    expect(chain).toEqual([{ name: 'Carol', phone: '+15555550103' }]);
  });

  it('answers an empty chain for a team with nobody in it', async () => {
    await expect(chainOf(new StaticRosterProvider(roster, noSink), { name: 'Empty' })).resolves.toEqual([]);
  });

  it('names an unknown team in its ProviderError', async () => {
    const lookup = chainOf(new StaticRosterProvider(roster, noSink), { name: 'Billing' });
    await expect(lookup).rejects.toBeInstanceOf(ProviderError);
    await expect(lookup).rejects.toThrow(/"Billing"/);
  });

  it('hands every incident event to the sink, unchanged', async () => {
    const seen: IncidentEvent[] = [];
    const provider = new StaticRosterProvider(roster, (event) => seen.push(event));
    const event: IncidentEvent = {
      kind: 'missed-call',
      callSid: 'CA1',
      team: { name: 'Platform' },
      caller: '+15555550150',
      reason: 'caller-hung-up',
      attempts: [],
    };
    await provider.sendIncidentEvent(event);
    expect(seen).toEqual([event]);
  });
});
