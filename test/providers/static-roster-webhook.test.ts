import nock from 'nock';
import type { IncidentEvent } from '../../functions/lib/core/incidents';
import { IncidentWebhook } from '../../functions/lib/providers/incident-webhook';
import { ProviderError } from '../../functions/lib/providers/provider';
import { StaticRosterProvider, type Roster } from '../../functions/lib/providers/static-roster';
import { eventsOfOneCall, RECORDING_URL } from '../fixtures/incident-events';
import { noDeadline, providerError, useOfflineNock } from './adapter-test-kit';

const HOOK_HOST = 'https://hooks.chat.test';
const HOOK_PATH = '/services/T000/B000/XXXX';
const HOOK_URL = `${HOOK_HOST}${HOOK_PATH}`;
const roster: Roster = { teams: [{ name: 'Platform', responders: [{ name: 'Alice', phone: '+15555550101' }] }] };
const events = eventsOfOneCall({ name: 'Platform' });

/** Records each posted body; answers like Slack, with a plain "ok". */
function captureHook(): string[] {
  const texts: string[] = [];
  nock(HOOK_HOST)
    .persist()
    .post(HOOK_PATH, (body: { text?: unknown }) => {
      texts.push(String(body.text));
      return true;
    })
    .reply(200, 'ok', { 'Content-Type': 'text/plain' });
  return texts;
}

useOfflineNock();

describe('IncidentWebhook', () => {
  it("posts a one-paragraph Slack-compatible {text}, and takes Slack's plain 'ok' as success", async () => {
    const texts = captureHook();
    await new IncidentWebhook(HOOK_URL).post(events['message-left'], noDeadline());
    expect(texts).toHaveLength(1);
    const [text] = texts;
    expect(text).not.toContain('\n');
    expect(text).toContain('Voicemail for Platform from +15555550150.');
    expect(text).toContain(`Recording: ${RECORDING_URL}`);
    expect(text).toContain('Call log: 1. Alice Adams did not answer; 2. Dave Davis answered but did not press 1');
  });

  it.each(Object.keys(events) as Array<IncidentEvent['kind']>)('summarises a %s', async (kind) => {
    const texts = captureHook();
    await new IncidentWebhook(HOOK_URL).post(events[kind], noDeadline());
    expect(texts[0]).toMatch(/Platform/);
  });

  it('retries a 5xx and a 429 (with its wait), not a 4xx', async () => {
    const hook = new IncidentWebhook(HOOK_URL);
    nock(HOOK_HOST).post(HOOK_PATH).reply(503, 'unavailable');
    expect((await providerError(hook.post(events['missed-call'], noDeadline()))).retryable).toBe(true);
    nock(HOOK_HOST).post(HOOK_PATH).reply(429, 'slow down', { 'Retry-After': '2' });
    const limited = await providerError(hook.post(events['missed-call'], noDeadline()));
    expect([limited.retryable, limited.retryAfterMs]).toEqual([true, 2000]);
    nock(HOOK_HOST).post(HOOK_PATH).reply(404, 'no_service');
    const refused = await providerError(hook.post(events['missed-call'], noDeadline()));
    expect(refused.retryable).toBe(false);
    expect(refused.message).toContain('HTTP 404');
  });
});

describe('StaticRosterProvider with STATIC_WEBHOOK_URL', () => {
  it('logs the incident, then posts it', async () => {
    const texts = captureHook();
    const logged: IncidentEvent[] = [];
    const provider = new StaticRosterProvider(roster, (event) => logged.push(event), new IncidentWebhook(HOOK_URL));
    await provider.sendIncidentEvent(events['call-ended'], noDeadline());
    expect(logged).toEqual([events['call-ended']]);
    expect(texts).toHaveLength(1);
  });

  it('still has the incident in the log when the webhook fails', async () => {
    nock(HOOK_HOST).post(HOOK_PATH).reply(500, '');
    const logged: IncidentEvent[] = [];
    const provider = new StaticRosterProvider(roster, (event) => logged.push(event), new IncidentWebhook(HOOK_URL));
    await expect(provider.sendIncidentEvent(events['missed-call'], noDeadline())).rejects.toBeInstanceOf(ProviderError);
    expect(logged).toHaveLength(1);
  });
});
