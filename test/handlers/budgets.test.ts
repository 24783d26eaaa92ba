// Budgets by who is waiting: a webhook with a caller on the line answers within
// WEBHOOK_BUDGET_MS; one with nobody on the line may use BACKGROUND_BUDGET_MS. Every incident
// attempt gets at most half of what is left, so a single hung attempt never costs the message.
// (nock answers a delay longer than axios's 2.5 s request timeout with an immediate timeout, so
// the hangs here stay below it; the end-to-end scenarios hang for real.)
import nock from 'nock';
import {
  ALERT_PATH_PREFIX,
  apiScope,
  captureAlerts,
  mockPlatformLookup,
  mockTeamList,
  schedulePath,
  TEAMS,
  VO_ALERT_URL,
  victorOpsEnv,
} from '../fixtures/victorops';
import { PhoneCall, useSandbox } from './harness';

useSandbox();
const victorOps = { ...victorOpsEnv, TEAM_1: 'Platform', NUMBER_OF_MENUS: '0' };

/** The alert endpoint: the first post hangs for `hangMs`, the next one is answered at once. */
function firstAlertHangs(hangMs: number): { hung: nock.Scope; answered: nock.Scope } {
  const path = new RegExp(`^${ALERT_PATH_PREFIX}/`);
  const hung = nock(VO_ALERT_URL).post(path).delay(hangMs).reply(200, { result: 'success' });
  const answered = nock(VO_ALERT_URL).post(path).reply(200, { result: 'success' });
  return { hung, answered };
}

describe('a hung alert endpoint, with nobody on the line', () => {
  it('costs no missed call: the caller hung up while it rang, the first attempt hangs, the retry opens it', async () => {
    mockPlatformLookup();
    const call = new PhoneCall(victorOps);
    const first = await call.start();
    const alerts = firstAlertHangs(10_000);
    const answer = await call.follow(first.attr('Dial', 'action'), {
      params: { DialCallStatus: 'no-answer', DialCallDuration: '0', CallStatus: 'completed' },
    });
    expect(answer.verbs).toEqual(['Hangup']);
    expect([alerts.hung.isDone(), alerts.answered.isDone()]).toEqual([true, true]);
  }, 15_000);

  it('gives a slow alert endpoint far more than a caller could wait', async () => {
    mockPlatformLookup();
    const call = new PhoneCall({ ...victorOps, BACKGROUND_BUDGET_MS: '9000' });
    const first = await call.start();
    // 2.4 s: more than any attempt may take with a caller on the line, less than axios's own limit.
    const alerts = firstAlertHangs(2400);
    const started = Date.now();
    await call.follow(first.attr('Dial', 'action'), {
      params: { DialCallStatus: 'no-answer', DialCallDuration: '0', CallStatus: 'completed' },
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(2300);
    // The slow attempt was waited for: no retry was needed.
    expect([alerts.hung.isDone(), alerts.answered.isDone()]).toEqual([true, false]);
  }, 15_000);
});

describe('a hung alert endpoint, with the caller waiting', () => {
  it('still opens the unanswered call incident when the lookup used its whole share', async () => {
    mockTeamList();
    apiScope().get(schedulePath(TEAMS.platform.slug)).query(true).times(4).delay(2400).reply(200, {});
    const alerts = firstAlertHangs(2400);
    const call = new PhoneCall(victorOps);
    const started = Date.now();
    const answer = await call.start();
    expect(Date.now() - started).toBeLessThan(3100);
    expect([alerts.hung.isDone(), alerts.answered.isDone()]).toEqual([true, true]);
    expect(answer.said).toContain('The Platform team has been alerted.');
  }, 15_000);

  it('tells the caller the truth when both attempts hang', async () => {
    mockTeamList();
    apiScope().get(schedulePath(TEAMS.platform.slug)).query(true).times(4).delay(2400).reply(200, {});
    captureAlerts(5, () => [503, 'unavailable']);
    const answer = await new PhoneCall(victorOps).start();
    expect(answer.said).toContain('We could not alert the Platform team just now.');
    expect(answer.said).not.toContain('has been alerted');
  }, 15_000);
});
