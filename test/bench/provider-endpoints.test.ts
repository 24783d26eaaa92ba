import { countByEndpoint, endpointOf, isLookup } from '../../bench/provider-endpoints';

describe('endpointOf', () => {
  it.each([
    ['/api-public/v1/team', 'team list'],
    ['/api-public/v2/team/platform/oncall/schedule?step=2', 'schedule'],
    ['/api-public/v1/user/alice/contact-methods/phones', 'phones'],
    ['/integrations/generic/20131114/alert/bench/platform', 'alert'],
    ['/api-public/v1/team/platform/members', 'other'],
    ['/v2/alerts', 'other'],
  ])('%s is %s', (path, endpoint) => {
    expect(endpointOf(path)).toBe(endpoint);
  });

  it('counts the team list, the schedule and the phones as the lookup', () => {
    expect(['/api-public/v1/team', '/api-public/v2/team/x/oncall/schedule'].every(isLookup)).toBe(true);
    expect(isLookup('/integrations/generic/20131114/alert/k/x')).toBe(false);
  });
});

describe('countByEndpoint', () => {
  it('counts per endpoint, divided by the number of calls', () => {
    const paths = [
      '/api-public/v1/team',
      ...[0, 1, 2, 3].map((step) => `/api-public/v2/team/platform/oncall/schedule?step=${step}`),
      '/integrations/generic/20131114/alert/k/platform',
      '/integrations/generic/20131114/alert/k/platform',
    ];
    expect(countByEndpoint(paths, 5)).toEqual({ 'team list': 0.2, schedule: 0.8, phones: 0, alert: 0.4, other: 0 });
    expect(countByEndpoint([]).alert).toBe(0);
  });

  it('refuses to divide by no calls', () => {
    expect(() => countByEndpoint([], 0)).toThrow('per must be above 0; got 0');
  });
});
