import nock from 'nock';
import { sendMail, SendGridError, type SendGridSettings } from '../../functions/lib/notify/sendgrid';
import { noDeadline, useOfflineNock } from '../providers/adapter-test-kit';

const settings: SendGridSettings = {
  apiKey: 'SG.test-key',
  from: 'oncall@example.com',
  apiUrl: 'https://sendgrid.test',
};
const message = { to: ['alice@example.com', 'bob@example.com'], subject: 'Voicemail for Platform', text: 'Listen: …' };

/** The SendGridError a promise rejects with; fails the test otherwise. */
async function sendGridError(promise: Promise<unknown>): Promise<SendGridError> {
  const outcome = await promise.then(
    () => new Error('expected a SendGridError, but the promise resolved'),
    (error: unknown) => error,
  );
  if (outcome instanceof SendGridError) return outcome;
  throw outcome instanceof Error ? outcome : new Error(String(outcome));
}

/** Bodies nock received on /v3/mail/send, answered with `status` and `body`. */
function mailSendReplies(status: number, body?: unknown): unknown[] {
  const sent: unknown[] = [];
  nock('https://sendgrid.test', {
    reqheaders: { authorization: 'Bearer SG.test-key', 'content-type': /application\/json/ },
  })
    .post('/v3/mail/send')
    .reply((_uri, requestBody) => {
      sent.push(requestBody);
      return body === undefined ? [status] : [status, body];
    });
  return sent;
}

useOfflineNock();

describe('sendMail', () => {
  it('posts one personalization with every recipient, the sender, the subject and text/plain content', async () => {
    const sent = mailSendReplies(202);
    await sendMail(settings, message, noDeadline());
    expect(sent).toEqual([
      {
        personalizations: [{ to: [{ email: 'alice@example.com' }, { email: 'bob@example.com' }] }],
        from: { email: 'oncall@example.com' },
        subject: 'Voicemail for Platform',
        content: [{ type: 'text/plain', value: 'Listen: …' }],
      },
    ]);
  });

  it('names each recipient once, whatever the case, since SendGrid refuses duplicates', async () => {
    const sent = mailSendReplies(202);
    await sendMail(
      settings,
      { ...message, to: ['Alice@Example.com', ' alice@example.com', 'bob@example.com', ''] },
      noDeadline(),
    );
    expect(sent).toMatchObject([
      { personalizations: [{ to: [{ email: 'Alice@Example.com' }, { email: 'bob@example.com' }] }] },
    ]);
  });

  it('takes a base URL with a trailing slash', async () => {
    const sent = mailSendReplies(202);
    await sendMail({ ...settings, apiUrl: 'https://sendgrid.test/' }, message, noDeadline());
    expect(sent).toHaveLength(1);
  });

  it("names the status and each of SendGrid's error messages, with its field", async () => {
    mailSendReplies(400, {
      errors: [
        { message: 'The from address does not match a verified Sender Identity.', field: 'from', help: null },
        { message: 'Bad Request', field: null },
      ],
    });
    const error = await sendGridError(sendMail(settings, message, noDeadline()));
    expect(error.message).toBe(
      'SendGrid mail send failed: HTTP 400: The from address does not match a verified Sender Identity. (from); ' +
        'Bad Request (retrying will not help)',
    );
    expect({ retryable: error.retryable, status: error.status }).toEqual({ retryable: false, status: 400 });
  });

  it.each([
    [401, false],
    [403, false],
    [413, false],
    [429, true],
    [500, true],
    [503, true],
  ])('HTTP %i is retryable: %s', async (status, retryable) => {
    mailSendReplies(status, { errors: [{ message: 'nope' }] });
    const error = await sendGridError(sendMail(settings, message, noDeadline()));
    expect(error.message).toBe(
      `SendGrid mail send failed: HTTP ${status}: nope (${retryable ? 'retrying may help' : 'retrying will not help'})`,
    );
    expect(error.retryable).toBe(retryable);
  });

  it('treats any success other than 202 as a failure, since only 202 means queued', async () => {
    mailSendReplies(200, {});
    const error = await sendGridError(sendMail(settings, message, noDeadline()));
    expect(error.message).toBe('SendGrid mail send failed: HTTP 200 (retrying will not help)');
  });

  it('fails as retryable when the connection breaks', async () => {
    nock('https://sendgrid.test').post('/v3/mail/send').replyWithError({ code: 'ECONNREFUSED', message: 'refused' });
    const error = await sendGridError(sendMail(settings, message, noDeadline()));
    expect(error.message).toBe('SendGrid mail send failed: ECONNREFUSED (retrying may help)');
  });

  it("gives up when the caller's signal fires, saying so", async () => {
    nock('https://sendgrid.test').post('/v3/mail/send').delay(1000).reply(202);
    const error = await sendGridError(sendMail(settings, message, AbortSignal.timeout(30)));
    expect(error.message).toContain("the caller's time budget ran out");
    expect(error.retryable).toBe(true);
  });

  it.each([
    ['no recipient', { ...message, to: [' '] }, 'no recipient address'],
    ['an empty subject', { ...message, subject: '  ' }, 'the subject is empty'],
    ['empty text', { ...message, text: '' }, 'the text is empty'],
    [
      'too many recipients',
      { ...message, to: Array.from({ length: 1001 }, (_, i) => `r${i}@example.com`) },
      '1001 recipients',
    ],
  ])('refuses %s before sending anything', async (_label, bad, reason) => {
    const error = await sendGridError(sendMail(settings, bad, noDeadline()));
    expect(error.message).toContain(reason);
    expect(error.retryable).toBe(false);
  });

  it('refuses an empty sender before sending anything', async () => {
    await expect(sendMail({ ...settings, from: '' }, message, noDeadline())).rejects.toThrow(
      'the sender address is empty',
    );
  });
});
