import { sendMail } from '../../functions/lib/notify/sendgrid';
import { startMockProviders, type MockProviders } from '../../simulator/mock-providers';

const BEARER = { Authorization: 'Bearer SG.mock-key' };
const VALID = {
  personalizations: [{ to: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }] }],
  from: { email: 'oncall@example.com' },
  subject: 'Voicemail for Platform',
  content: [{ type: 'text/plain', value: 'The database is on fire.' }],
};

let mock: MockProviders;
beforeAll(async () => {
  mock = await startMockProviders({ port: 0 });
});
afterAll(() => mock.stop());
beforeEach(() => mock.reset());

async function mailSend(
  body: unknown,
  headers: Record<string, string> = BEARER,
): Promise<{ status: number; text: string; headers: Headers }> {
  const response = await fetch(`${mock.url}/v3/mail/send`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, text: await response.text(), headers: response.headers };
}

describe('SendGrid Mail Send stand-in', () => {
  it('answers a valid message with 202, an empty body and an X-Message-Id, and keeps it', async () => {
    const { status, text, headers } = await mailSend(VALID);
    expect({ status, text }).toEqual({ status: 202, text: '' });
    expect(headers.get('x-message-id')).toBe('mock-message-1');
    expect(headers.get('content-type')).toBeNull();
    expect(mock.sentMail()).toEqual([
      {
        messageId: 'mock-message-1',
        at: expect.any(String),
        from: 'oncall@example.com',
        to: ['alice@example.com', 'bob@example.com'],
        subject: 'Voicemail for Platform',
        text: 'The database is on fire.',
        body: VALID,
      },
    ]);
    expect(await (await fetch(`${mock.url}/__mail`)).json()).toEqual(mock.sentMail());
  });

  it('needs a Bearer key: 401 in SendGrid’s error shape', async () => {
    const attempts: Array<Record<string, string>> = [{}, { Authorization: 'Bearer ' }, { Authorization: 'Basic abc' }];
    for (const headers of attempts) {
      const { status, text } = await mailSend(VALID, headers);
      expect(status).toBe(401);
      expect(JSON.parse(text)).toEqual({ errors: [{ message: 'authorization required', field: null }] });
    }
    expect(mock.sentMail()).toEqual([]);
  });

  it('names every missing part at once: personalizations, from, subject and content', async () => {
    const { status, text } = await mailSend({});
    expect(status).toBe(400);
    const { errors } = JSON.parse(text) as { errors: Array<{ field: string | null; message: string }> };
    expect(errors.map((error) => error.field)).toEqual(['personalizations', 'from.email', 'subject', 'content']);
    expect(errors.every((error) => error.message.length > 0)).toBe(true);
  });

  it.each([
    ['a personalization without "to"', { ...VALID, personalizations: [{}] }, 'personalizations.0.to'],
    [
      'one address twice',
      { ...VALID, personalizations: [{ to: [{ email: 'a@example.com' }, { email: 'A@example.com' }] }] },
      'personalizations.0.to.1.email',
    ],
    [
      'an invalid address',
      { ...VALID, personalizations: [{ to: [{ email: 'nobody' }] }] },
      'personalizations.0.to.0.email',
    ],
    ['a sender without an address', { ...VALID, from: { name: 'On call' } }, 'from.email'],
    ['empty content', { ...VALID, content: [{ type: 'text/plain', value: '' }] }, 'content'],
  ])('refuses %s with a 400 naming the field', async (_label, body, field) => {
    const { status, text } = await mailSend(body);
    expect(status).toBe(400);
    expect(JSON.parse(text)).toMatchObject({ errors: [{ field }] });
    expect(mock.sentMail()).toEqual([]);
  });

  it('refuses a body that is not a JSON object', async () => {
    expect((await mailSend('not json')).status).toBe(400);
  });

  it('changes nothing under an injected fault, records it, and logs requests as sendgrid', async () => {
    mock.setFault({ path: '/v3/mail/send', kind: 'status', status: 500, times: 1 });
    expect((await mailSend(VALID)).status).toBe(500);
    expect(mock.sentMail()).toEqual([]);
    expect((await mailSend(VALID)).status).toBe(202);
    expect(mock.requests()).toMatchObject([
      { provider: 'sendgrid', fault: 'status', status: 500, headers: { authorization: '[redacted]' } },
      { provider: 'sendgrid', status: 202 },
    ]);
  });

  it('is what the SendGrid client talks to', async () => {
    await sendMail(
      { apiKey: 'SG.mock-key', from: 'oncall@example.com', apiUrl: mock.url },
      { to: ['alice@example.com', 'ALICE@example.com', 'bob@example.com'], subject: 'Voicemail', text: 'Call back' },
      AbortSignal.timeout(5000),
    );
    expect(mock.sentMail()).toMatchObject([
      {
        from: 'oncall@example.com',
        to: ['alice@example.com', 'bob@example.com'],
        subject: 'Voicemail',
        text: 'Call back',
      },
    ]);
  });

  it('makes the client fail with SendGrid’s reasons when it refuses', async () => {
    await expect(
      sendMail(
        { apiKey: 'SG.mock-key', from: 'not-an-address', apiUrl: mock.url },
        { to: ['alice@example.com'], subject: 'Voicemail', text: 'Call back' },
        AbortSignal.timeout(5000),
      ),
    ).rejects.toThrow(/^SendGrid mail send failed: HTTP 400: The from object must be provided .* \(from\.email\)/);
  });
});
