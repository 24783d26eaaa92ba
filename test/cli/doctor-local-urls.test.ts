import { localUrlWarnings } from '../../cli/doctor/local-urls';

describe('localUrlWarnings', () => {
  it('warns of every base URL or host that points at this machine, naming the variable', () => {
    const warnings = localUrlWarnings({
      VICTOROPS_API_URL: 'http://localhost:4010',
      PAGERDUTY_EVENTS_URL: 'http://127.0.0.1:4010/',
      API_HOST: 'localhost:4010',
      TWILIO_API_URL: 'http://[::1]:4010',
    });
    expect(warnings.map((w) => [w.variable, w.severity])).toEqual([
      ['VICTOROPS_API_URL', 'warning'],
      ['PAGERDUTY_EVENTS_URL', 'warning'],
      ['API_HOST', 'warning'],
      ['TWILIO_API_URL', 'warning'],
    ]);
    expect(warnings[0].message).toContain(
      'points at localhost: fine for a local trial, but npm run deploy would upload it',
    );
  });

  it('says nothing of real hosts, empty values, or variables that are not URLs', () => {
    expect(
      localUrlWarnings({
        OPSGENIE_API_URL: 'https://api.eu.opsgenie.com',
        ALERT_HOST: 'alert.victorops.com',
        SENDGRID_API_URL: ' ',
        TEAM_1: 'localhost',
      }),
    ).toEqual([]);
  });
});
