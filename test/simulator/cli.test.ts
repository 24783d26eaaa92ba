// `npm run call` end to end: the bundled CLI against a local TwiML server.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeTwilioSignature, type CallReport } from '../../simulator';
import { builtCli, runCli } from './helpers/built-cli';
import { startTwimlServer, twiml, type TwimlTestServer } from './helpers/twiml-test-server';

const ALICE = '+15555550101';

let server: TwimlTestServer;
let cli: string;
let workDir: string;
beforeAll(async () => {
  [server, cli] = await Promise.all([startTwimlServer(), builtCli()]);
});
afterAll(() => server.close());
beforeEach(() => {
  // No .env unless a test writes one.
  workDir = mkdtempSync(join(tmpdir(), 'simulator-cli-test-'));
});
afterEach(() => rmSync(workDir, { recursive: true, force: true }));

const menuAndDial = {
  '/voice': () => twiml('<Gather numDigits="1" action="/menu"><Say>Press 1 for Platform</Say></Gather>'),
  '/menu': () => twiml(`<Dial action="/dial-result"><Number>${ALICE}</Number></Dial>`),
  '/dial-result': () => twiml('<Say>Goodbye</Say><Hangup/>'),
};

function call(args: string[], env: Record<string, string> = {}): ReturnType<typeof runCli> {
  return runCli(cli, ['--url', server.url, ...args], { cwd: workDir, env });
}

describe('npm run call', () => {
  it('calls the --url app and prints the report as JSON with --json', async () => {
    server.use(menuAndDial);
    const run = await call(['--json', '--auth-token', 'token', '--digits', '1', '--responder', `${ALICE}=accept:30`]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as CallReport;
    expect(report).toMatchObject({ outcome: 'completed', entryUrl: `${server.url}/voice`, bridgedTo: ALICE });
    expect(report.requests.map((request) => request.path)).toEqual(['/voice', '/menu', '/dial-result']);
    expect(server.to('/menu')[0]?.params.Digits).toBe('1');
  });

  it('prints the transcript and the timing summary, and exits 0 for a completed call', async () => {
    server.use(menuAndDial);
    const run = await call(['--auth-token', 'token', '--digits', '1', '--responder', `${ALICE}=accept:30`]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')).toEqual(
      expect.arrayContaining([
        'caller hears: "Press 1 for Platform"',
        'caller presses 1',
        `bridged to ${ALICE} (talk 30 s)`,
        'call ends: <Hangup/>',
        'outcome: completed (<Hangup/>)',
        `bridged to: ${ALICE}`,
      ]),
    );
    expect(run.stdout).toMatch(/^ {2}↳ POST \/menu → 200 \(\d+(\.\d)? ms\)$/m);
    expect(run.stdout).toMatch(/^first <Dial>: after 2 request\(s\), [\d.]+ ms of handler time$/m);
    expect(run.stdout).toMatch(/^simulated call length: \d+ s$/m);
  });

  it('exits 1 when the call hit an application error', async () => {
    server.use({ '/voice': () => ({ status: 500, body: 'boom', contentType: 'text/plain' }) });
    const run = await call(['--auth-token', 'token']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`APPLICATION ERROR 11200 (parent): HTTP 500 [${server.url}/voice]`);
    expect(run.stdout).toContain('outcome: application-error');
  });

  it('exits 2 for a mistake in the command, naming it, and asks the server nothing', async () => {
    server.use(menuAndDial);
    const run = await call(['--auth-token', 'token', '--digits', 'x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--digits: "x" is not keys');
    expect(server.to('/voice')).toEqual([]);
  });

  it('signs with --auth-token', async () => {
    server.use({ '/voice': () => twiml('<Hangup/>') });
    await call(['--auth-token', 'from-option']);
    const request = server.to('/voice')[0];
    expect(request?.headers['x-twilio-signature']).toBe(
      computeTwilioSignature('from-option', request?.url ?? '', request?.params ?? {}),
    );
  });

  it('signs with the AUTH_TOKEN in ./.env over a different one in the shell, and warns naming both', async () => {
    writeFileSync(join(workDir, '.env'), 'ACCOUNT_SID=AC123\nAUTH_TOKEN=from-dotenv\n');
    server.use({ '/voice': () => twiml('<Hangup/>') });
    const run = await call([], { AUTH_TOKEN: 'from-shell' });
    const request = server.to('/voice')[0];
    expect(request?.headers['x-twilio-signature']).toBe(
      computeTwilioSignature('from-dotenv', request?.url ?? '', request?.params ?? {}),
    );
    const warnings = run.stderr.split('\n').filter((line) => line.startsWith('warning:'));
    expect(warnings).toEqual([expect.stringMatching(/\.\/\.env.*shell environment/)]);
  });

  it('signs with the AUTH_TOKEN in ./.env.local, where npm start keeps it, over ./.env', async () => {
    writeFileSync(join(workDir, '.env'), 'AUTH_TOKEN=from-dotenv\n');
    writeFileSync(join(workDir, '.env.local'), '# local only\nAUTH_TOKEN=from-env-local\n');
    server.use({ '/voice': () => twiml('<Hangup/>') });
    const run = await call([]);
    const request = server.to('/voice')[0];
    expect(request?.headers['x-twilio-signature']).toBe(
      computeTwilioSignature('from-env-local', request?.url ?? '', request?.params ?? {}),
    );
    expect(run.stderr).toBe('');
  });

  it('signs with the shell AUTH_TOKEN when there is no .env', async () => {
    server.use({ '/voice': () => twiml('<Hangup/>') });
    const run = await call([], { AUTH_TOKEN: 'from-shell' });
    const request = server.to('/voice')[0];
    expect(request?.headers['x-twilio-signature']).toBe(
      computeTwilioSignature('from-shell', request?.url ?? '', request?.params ?? {}),
    );
    expect(run.stderr).toBe('');
  });
});
