import { parseCliOptions, parseResponderOption } from '../../simulator/cli-options';
import { parseDotenv } from '../../simulator/dotenv';
import { parseTypedInput } from '../../simulator/interactive-prompt';
import { faultFromSpec } from '../../simulator/mock-providers';

const noFiles = (path: string): string => {
  throw new Error(`unexpected read of ${path}`);
};

describe('parseCliOptions', () => {
  it('uses the defaults', () => {
    const options = parseCliOptions([], noFiles);
    expect(options).toMatchObject({
      baseUrl: 'http://localhost:3000',
      entryPath: '/voice',
      json: false,
      interactive: true,
      script: { caller: [] },
    });
    expect(options.authToken).toBeUndefined();
  });

  it('keeps --digits and --say in command-line order, with silence and hang-up tokens', () => {
    const options = parseCliOptions(['--digits', '1,_', '--say', 'database', '--digits', '2,hangup'], noFiles);
    expect(options.script.caller).toEqual([
      { digits: '1' },
      { silence: true },
      { speech: 'database' },
      { digits: '2' },
      { hangUp: true },
    ]);
  });

  it('builds responders, voicemail and flags', () => {
    const options = parseCliOptions(
      [
        '--responder',
        '+15555550101=accept:20',
        '--responder',
        '+15555550102=busy',
        '--voicemail',
        'the site is down',
        '--json',
        '--no-interactive',
        '--max-hops',
        '12',
      ],
      noFiles,
    );
    expect(options.script.responders).toEqual({
      '+15555550101': { behaviour: 'accept', talkSeconds: 20 },
      '+15555550102': { behaviour: 'busy' },
    });
    expect(options.script.voicemail).toEqual({ action: 'leave-message', seconds: 3, transcript: 'the site is down' });
    expect(options).toMatchObject({ json: true, interactive: false, maxHops: 12 });
  });

  it('reads a scenario file and lets the command line add to it', () => {
    const scenario = {
      from: '+15555550177',
      script: { caller: [{ digits: '1' }], responders: { '+15555550101': { behaviour: 'decline' } } },
    };
    const options = parseCliOptions(
      ['--script', 's.json', '--digits', '9', '--responder', '+15555550101=accept'],
      (path) => {
        expect(path).toBe('s.json');
        return JSON.stringify(scenario);
      },
    );
    expect(options.from).toBe('+15555550177');
    expect(options.script.caller).toEqual([{ digits: '1' }, { digits: '9' }]);
    expect(options.script.responders?.['+15555550101']?.behaviour).toBe('accept');
  });

  it('rejects malformed options with a message naming them', () => {
    expect(() => parseCliOptions(['--digits', '1,x'], noFiles)).toThrow(/--digits/);
    expect(() => parseResponderOption('+15555550101=maybe')).toThrow(/--responder/);
    expect(() => parseCliOptions(['--script', 'bad.json'], () => '{"caller": [{"digits": 5}]}')).toThrow(/caller\[0\]/);
    expect(() => parseCliOptions(['--script', 'bad.json'], () => 'not json')).toThrow(/bad\.json/);
  });
});

describe('parseDotenv', () => {
  // twilio-run parses with dotenv 6.2, whose rules these are; the CLI must read the same values.
  it('reads KEY=VALUE lines and quotes, skipping comments and other lines, as dotenv 6.2 does', () => {
    const env = parseDotenv(
      [
        '# comment',
        'AUTH_TOKEN=abc123',
        'QUOTED="AC1"',
        "NAME='a b'",
        'MULTI="one\\ntwo"',
        'EMPTY=',
        'TRAIL=x # note',
        'export EXPORTED=1',
        'junk line',
      ].join('\n'),
    );
    expect(env).toEqual({
      AUTH_TOKEN: 'abc123',
      QUOTED: 'AC1',
      NAME: 'a b',
      MULTI: 'one\ntwo',
      EMPTY: '',
      TRAIL: 'x # note',
    });
  });
});

describe('parseTypedInput', () => {
  it.each([
    ['', null],
    ['12#', { digits: '12#' }],
    ['h', { hangUp: true }],
    ['s: database please', { speech: 'database please' }],
    ['platform', { speech: 'platform' }],
  ])('reads %j', (line, input) => {
    expect(parseTypedInput(line)).toEqual(input);
  });
});

describe('faultFromSpec', () => {
  it.each([
    ['/api-public/v2=500', { path: '/api-public/v2', kind: 'status', status: 500 }],
    ['*=hang', { path: '*', kind: 'hang' }],
    ['/api-public=malformed-json@2', { path: '/api-public', kind: 'malformed-json', times: 2 }],
    ['/api-public/v1/team=latency:300', { path: '/api-public/v1/team', kind: 'latency', ms: 300 }],
    ['/x=rate-limit', { path: '/x', kind: 'rate-limit' }],
  ])('reads %s', (spec, fault) => {
    expect(faultFromSpec(spec)).toEqual(fault);
  });

  it.each(['nopath', 'api=500', '/x=explode', '/x=500@0'])('rejects %s', (spec) => {
    expect(() => faultFromSpec(spec)).toThrow();
  });
});
