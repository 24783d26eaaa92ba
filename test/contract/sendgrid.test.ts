// Contract: what the SendGrid client sends, captured with nock, and what the simulator's
// SendGrid stand-in answers it, each validated against SendGrid's Mail Send spec (vendored;
// fix-ups in sendgrid-spec.ts).
import { sendMail, type SendGridSettings } from '../../functions/lib/notify/sendgrid';
import { startMockProviders, type MockProviders } from '../../simulator/mock-providers';
import { noDeadline, useOfflineNock } from '../providers/adapter-test-kit';
import { captureRequests } from './capture';
import { recordClientAnswers } from './client-answers';
import { operationIdFor, requestProblems, responseProblems, type SpecCheck } from './openapi-check';
import { loadSendGridMailSpec } from './sendgrid-spec';
import { objectAt, type JsonObject } from './spec-files';

const SENDGRID_URL = 'https://sendgrid.contract.test';
const API_KEY = 'SG.contract-key';
const MESSAGE = {
  to: ['alice@example.com', 'bob@example.com', 'Alice@example.com'],
  subject: 'Voicemail from +15555550150 for Platform',
  text: 'Recording: https://api.twilio.com/…\nTranscript: the database is on fire',
};

let mail: { check: SpecCheck; spec: JsonObject };

describe('SendGrid Mail Send contract', () => {
  beforeAll(async () => {
    mail = await loadSendGridMailSpec();
  }, 20_000);

  useOfflineNock();

  const settings = (apiUrl: string, from = 'oncall@example.com'): SendGridSettings => ({
    apiKey: API_KEY,
    from,
    apiUrl,
  });

  describe('requests the client sends', () => {
    it('the message matches SendMail', async () => {
      const captured = captureRequests(SENDGRID_URL, () => [202, '']);
      await sendMail(settings(SENDGRID_URL), MESSAGE, noDeadline());
      expect(captured).toHaveLength(1);
      for (const request of captured) {
        expect(operationIdFor(mail.check, request)).toBe('SendMail');
        expect(requestProblems(mail.check, 'SendMail', request)).toEqual([]);
      }
    });

    it('authenticates with the bearer scheme the spec declares', async () => {
      const captured = captureRequests(SENDGRID_URL, () => [202, '']);
      await sendMail(settings(SENDGRID_URL), MESSAGE, noDeadline());
      expect(mail.spec.security).toEqual([{ BearerAuth: [] }]);
      expect(objectAt(mail.spec, 'components', 'securitySchemes', 'BearerAuth')).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
      expect(captured.map((request) => request.headers.authorization)).toEqual([`Bearer ${API_KEY}`]);
    });

    it('would catch a message in the wrong shape', () => {
      const request = {
        method: 'POST',
        url: '/v3/mail/send',
        headers: { 'content-type': 'application/json' },
        body: {
          personalizations: [{ to: [{ email: 'alice@example.com' }] }],
          content: [{ type: 'text/plain', value: '' }],
        },
      };
      expect(requestProblems(mail.check, 'SendMail', request)).not.toEqual([]);
    });
  });

  describe('the stand-in, as the client reads it', () => {
    let mock: MockProviders;
    const answers = recordClientAnswers();
    beforeAll(async () => {
      mock = await startMockProviders({ port: 0 });
    });
    afterAll(() => mock.stop());
    beforeEach(() => mock.reset());

    function problemsOfEachAnswer(): Array<{ status: number; problems: string[] }> {
      return answers.map((answer) => ({
        status: answer.status,
        problems: responseProblems(
          mail.check,
          operationIdFor(mail.check, { ...answer, headers: {} }) ?? 'none',
          answer.status,
          answer.body,
        ),
      }));
    }

    it('accepts a message with 202 and no body, as the spec declares', async () => {
      await sendMail(settings(mock.url), MESSAGE, noDeadline());
      expect(problemsOfEachAnswer()).toEqual([{ status: 202, problems: [] }]);
      expect(answers[0]?.body).toBe('');
      expect(objectAt(mail.spec, 'paths', '/v3/mail/send', 'post', 'responses', '202')).not.toHaveProperty('content');
    });

    it('refuses a bad sender (400) and a missing key (401) in the spec shapes', async () => {
      await expect(sendMail(settings(mock.url, 'not-an-address'), MESSAGE, noDeadline())).rejects.toThrow(/HTTP 400/);
      await expect(sendMail({ ...settings(mock.url), apiKey: '' }, MESSAGE, noDeadline())).rejects.toThrow(/HTTP 401/);
      expect(problemsOfEachAnswer()).toEqual([
        { status: 400, problems: [] },
        { status: 401, problems: [] },
      ]);
    });

    it('would catch an error in the wrong shape', () => {
      expect(responseProblems(mail.check, 'SendMail', 400, { errors: [{ message: 42 }] })).not.toEqual([]);
    });
  });
});
