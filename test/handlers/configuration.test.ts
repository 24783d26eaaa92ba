// Configuration is read once per warm container, and each of its problems logged once, at the
// severity it deserves: Twilio's Debugger gets one event per problem, not one per webhook.
import { PhoneCall, logLines, useSandbox } from './harness';

useSandbox();

const configurationLines = (level: 'warn' | 'error'): string[] =>
  logLines(level)
    .map((line) => String(line.message))
    .filter((message) => message.startsWith('Configuration:'));

describe('configuration problems', () => {
  it('are logged once per warm container, however many webhooks meet them', async () => {
    const env = { NUMBER_OF_MENUS: 'x', FALLBACK_PHONES: '5555550190' };
    for (let i = 0; i < 3; i++) await new PhoneCall(env).start();
    expect(configurationLines('warn')).toEqual([
      'Configuration: NUMBER_OF_MENUS must be one of 0, 1, 2; got "x". Using 0.',
      'Configuration: FALLBACK_PHONES has "5555550190": is not in E.164 form: it needs its leading + and country code, such as +15555550100. Left out.',
    ]);
    expect(configurationLines('error')).toEqual([]);
  });

  it('that stop calls from working as configured are errors', async () => {
    await new PhoneCall({ VICTOROPS_API_ID: 'id', NUMBER_OF_MENUS: '1' }).start();
    await new PhoneCall({ VICTOROPS_API_ID: 'id', NUMBER_OF_MENUS: '1' }).start();
    expect(configurationLines('error')).toEqual([
      'Configuration: VICTOROPS_API_KEY is required for Splunk On-Call. Calls go to voicemail until it is set.',
      'Configuration: VICTOROPS_TWILIO_SERVICE_API_KEY is required for Splunk On-Call. Calls go to voicemail until it is set.',
    ]);
  });

  it('a misspelt placeholder is never spoken: the default sentence is, and the message is named', async () => {
    const call = new PhoneCall({ NUMBER_OF_MENUS: '1', MESSAGES_ASSET: '/messages-typo.json' });
    const answer = await call.start();
    expect(answer.said).toContain('Which team do you need?');
    expect(answer.said).not.toContain('{teem}');
    expect(configurationLines('warn')).toEqual([
      'Configuration: assets/messages-typo.private.json teamMenuIntro has the placeholder {teem}, which this message never fills (it has none). Using the default text.',
    ]);
  });
});
