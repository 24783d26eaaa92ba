// The voice fallback: static TwiML that Twilio fetches when the number's voice URL fails. It
// must be well-formed TwiML that needs no function, say nothing untrue (nobody is paged from
// it), be copied into dist/assets by the build, and be served by the local runtime.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { childElements, parseTwiml, textContent, type TwimlElement } from '../../simulator';
import { startLocalRuntime, type LocalRuntime } from '../../simulator/local-runtime';

const ROOT = join(__dirname, '..', '..');
const ASSETS = ['voice-fallback.xml', 'voice-fallback-done.xml'];

function asset(name: string): string {
  return readFileSync(join(ROOT, 'assets', name), 'utf8');
}

function verbs(document: TwimlElement): string[] {
  return childElements(document).map((element) => element.name);
}

function spoken(document: TwimlElement): string {
  return childElements(document)
    .filter((element) => element.name === 'Say')
    .map(textContent)
    .join(' ');
}

describe('assets/voice-fallback.xml', () => {
  const document = parseTwiml(asset('voice-fallback.xml'));

  it('apologises, records a message, and says goodbye when none was left', () => {
    expect(verbs(document)).toEqual(['Say', 'Say', 'Record', 'Say', 'Hangup']);
    expect(spoken(document)).toMatch(/^Sorry, the on-call line has a technical problem/);
  });

  it('records up to 120 s after a beep, # to finish, then fetches the thank-you asset with GET', () => {
    const record = childElements(document).find((element) => element.name === 'Record');
    expect(record?.attributes).toEqual({
      maxLength: '120',
      playBeep: 'true',
      finishOnKey: '#',
      action: '/voice-fallback-done.xml',
      method: 'GET',
    });
  });

  it('promises nothing this path does not do: no alert, no call back', () => {
    const words = spoken(document);
    expect(words).toContain('It will be recorded, but leaving it here does not alert anyone.');
    expect(words).not.toMatch(/\b(paged|notified|has been (sent|alerted)|will (call|alert|be alerted|get back))\b/i);
  });

  it('needs no function: every URL in it is a static asset beside it', () => {
    const urls = childElements(document).flatMap((element) =>
      Object.values(element.attributes).filter((value) => value.startsWith('/') || value.startsWith('http')),
    );
    expect(urls).toEqual(['/voice-fallback-done.xml']);
    for (const url of urls) expect(existsSync(join(ROOT, 'assets', url))).toBe(true);
  });
});

describe('assets/voice-fallback-done.xml', () => {
  it('thanks the caller and hangs up', () => {
    const document = parseTwiml(asset('voice-fallback-done.xml'));
    expect(verbs(document)).toEqual(['Say', 'Hangup']);
    expect(spoken(document)).toBe('Thank you. Your message has been recorded. Goodbye.');
  });
});

describe('built and served', () => {
  const built = join(ROOT, 'dist', 'assets', 'voice-fallback.xml');
  let runtime: LocalRuntime;
  beforeAll(async () => {
    if (!existsSync(built)) throw new Error(`${built} is missing: run node scripts/build.mjs first (npm test does)`);
    runtime = await startLocalRuntime({ projectDir: ROOT, env: { AUTH_TOKEN: 'fallback-test-token' } });
  }, 30_000);
  afterAll(() => runtime?.stop());

  it.each(ASSETS)('the build copies %s unchanged', (name) => {
    expect(readFileSync(join(ROOT, 'dist', 'assets', name), 'utf8')).toBe(asset(name));
  });

  it.each(ASSETS)('twilio-run serves %s with GET, as Twilio will fetch it', async (name) => {
    // The Record action comes with Twilio's parameters in the query; a static file ignores them.
    const response = await fetch(`${runtime.url}/${name}?RecordingUrl=https%3A%2F%2Fapi.twilio.com%2Fx&Digits=%23`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/xml/);
    expect(await response.text()).toBe(asset(name));
  });
});
